// SPDX-License-Identifier: GPL-3.0-or-later
// Account::openLocalData end to end: the key in a real gnome-keyring (run under
// scripts/with-keyring.sh) or, without any keychain, sealed with a passphrase.
// ROUNDS_KEYCHAIN_TEST chooses: "keyring" or "none".
#include "account/Account.h"
#include "account/KeyCustody.h"
#include "store/MessageStore.h"

#include "TestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Core::Error;

namespace {

Account::AccountSettings settingsFor(const QString &jid)
{
    Account::AccountSettings s;
    s.jid = Core::Jid(jid);
    s.serverUrl = QUrl(u"wss://localhost:1/xmpp-websocket"_s); // never contacted here
    return s;
}

Core::Result<void> open(const QString &jid, const QString &dir,
                        std::optional<QString> passphrase = {})
{
    Account::Account account(settingsFor(jid));
    Account::LocalDataOptions options;
    options.dataDir = dir;
    options.passphrase = std::move(passphrase);
    options.fastKdfForTests = true;
    auto future = account.openLocalData(options);
    if (!TestSupport::waitFor(future))
        return Core::fail(Error::Code::Timeout, u"wait expired"_s);
    if (!future.result())
        return future.result();
    // Prove the store works: write, then read back.
    Store::StoredMessage m;
    m.conversation = u"peer@example.org"_s;
    m.body = u"local data probe"_s;
    m.timestamp = QDateTime::currentDateTimeUtc();
    auto stored = account.messageStore()->insertMessages({m});
    if (!TestSupport::waitFor(stored) || !stored.result())
        return Core::fail(Error::Code::Storage, u"write failed"_s);
    return {};
}

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class tst_AccountLocalDataKeyring : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createsThenReopensWithTheKeychainKey()
    {
        QTemporaryDir dir;
        QVERIFY(open(u"nurse@example.org"_s, dir.path()));
        QVERIFY(QFile::exists(dir.filePath(u"messages.db"_s)));
        QVERIFY(!QFile::exists(dir.filePath(u"database-key.wrapped"_s)));
        QVERIFY(open(u"nurse@example.org"_s, dir.path()));
    }

    void lostKeyNeverRecreatesTheStore()
    {
        QTemporaryDir dir;
        QVERIFY(open(u"lost@example.org"_s, dir.path()));
        const QByteArray before = bytesOf(dir.filePath(u"messages.db"_s));
        Account::KeyCustody keys(Core::Jid(u"lost@example.org"_s));
        auto deleted = keys.deleteKey();
        QVERIFY(TestSupport::waitFor(deleted));
        QVERIFY(deleted.result());
        const auto again = open(u"lost@example.org"_s, dir.path());
        QVERIFY(!again);
        QCOMPARE(again.error().detail, Account::KeyCustody::NoKey.toString());
        QVERIFY(!Account::Account::describeLocalDataError(again.error()).isEmpty());
        QCOMPARE(bytesOf(dir.filePath(u"messages.db"_s)), before);
    }
};

class tst_AccountLocalDataNoKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void withoutKeychainSaysSoAndChangesNothing()
    {
        QTemporaryDir dir;
        const auto result = open(u"thin@example.org"_s, dir.path());
        QVERIFY(!result);
        QCOMPARE(result.error().detail, Account::KeyCustody::NoKeychain.toString());
        QVERIFY(Account::Account::describeLocalDataError(result.error()).contains(u"passphrase"_s));
        QVERIFY(!QFile::exists(dir.filePath(u"messages.db"_s)));
    }

    void passphrasePathWorksAndChecksThePassphrase()
    {
        QTemporaryDir dir;
        QVERIFY(open(u"thin@example.org"_s, dir.path(), u"long passphrase one"_s));
        QVERIFY(QFile::exists(dir.filePath(u"database-key.wrapped"_s)));
        QVERIFY(open(u"thin@example.org"_s, dir.path(), u"long passphrase one"_s));
        const auto wrong = open(u"thin@example.org"_s, dir.path(), u"long passphrase two"_s);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, Error::Code::Auth);
    }

    void wrongKeyFileIsReportedNotOverwritten()
    {
        QTemporaryDir a, b;
        QVERIFY(open(u"thin@example.org"_s, a.path(), u"same words"_s));
        QVERIFY(open(u"thin@example.org"_s, b.path(), u"same words"_s));
        // b's key file with a's database: the passphrase is right, the key is not.
        QVERIFY(QFile::remove(b.filePath(u"messages.db"_s)));
        QVERIFY(QFile::copy(a.filePath(u"messages.db"_s), b.filePath(u"messages.db"_s)));
        const QByteArray before = bytesOf(b.filePath(u"messages.db"_s));
        const auto result = open(u"thin@example.org"_s, b.path(), u"same words"_s);
        QVERIFY(!result);
        QCOMPARE(result.error().detail, u"wrong-key"_s);
        QCOMPARE(bytesOf(b.filePath(u"messages.db"_s)), before);
    }

    void damagedDatabaseIsReported()
    {
        QTemporaryDir dir;
        QVERIFY(open(u"thin@example.org"_s, dir.path(), u"words"_s));
        QFile db(dir.filePath(u"messages.db"_s));
        QVERIFY(db.resize(db.size() - 10));
        const auto result = open(u"thin@example.org"_s, dir.path(), u"words"_s);
        QVERIFY(!result);
        QCOMPARE(result.error().detail, u"corrupt"_s);
        QVERIFY(Account::Account::describeLocalDataError(result.error()).contains(u"damaged"_s));
    }

    void storeWithoutItsKeyFileIsNotRecreated()
    {
        QTemporaryDir dir;
        QVERIFY(open(u"thin@example.org"_s, dir.path(), u"words"_s));
        QVERIFY(QFile::remove(dir.filePath(u"database-key.wrapped"_s)));
        const QByteArray before = bytesOf(dir.filePath(u"messages.db"_s));
        const auto result = open(u"thin@example.org"_s, dir.path(), u"words"_s);
        QVERIFY(!result);
        QCOMPARE(result.error().detail, Account::KeyCustody::NoKeyFile.toString());
        QCOMPARE(bytesOf(dir.filePath(u"messages.db"_s)), before);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariable("ROUNDS_KEYCHAIN_TEST") == u"keyring") {
        tst_AccountLocalDataKeyring test;
        return QTest::qExec(&test, argc, argv);
    }
    tst_AccountLocalDataNoKeychain test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_AccountLocalData.moc"
