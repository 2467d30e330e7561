// SPDX-License-Identifier: GPL-3.0-or-later
// Account::eraseLocalData / signOutAndErase on real files: the database (and
// its -wal/-shm), the wrapped key, attachments and anything else in the data
// folder go; with a keychain (run under scripts/with-keyring.sh) the database
// key and the FAST token entry go too. ROUNDS_KEYCHAIN_TEST: "keyring" or "none".
#include "account/Account.h"
#include "account/KeyCustody.h"
#include "store/MessageStore.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
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

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

/// Opens the store, writes a message, and puts an attachment and a stray file next to it.
bool populate(Account::Account &account, const QString &dir, std::optional<QString> passphrase)
{
    Account::LocalDataOptions options;
    options.dataDir = dir;
    options.passphrase = std::move(passphrase);
    options.fastKdfForTests = true;
    auto opened = account.openLocalData(options);
    if (!TestSupport::waitFor(opened) || !opened.result()) {
        qWarning() << "open failed:"
                   << (opened.isFinished() && !opened.result() ? opened.result().error().detail
                                                               : u"timeout"_s);
        return false;
    }
    Store::StoredMessage m;
    m.conversation = u"peer@example.org"_s;
    m.body = u"erase probe"_s;
    m.timestamp = QDateTime::currentDateTimeUtc();
    auto stored = account.messageStore()->insertMessages({m});
    if (!TestSupport::waitFor(stored) || !stored.result())
        return false;
    return writeFile(dir + u"/attachments/ab/cd.bin"_s, "encrypted attachment") &&
           writeFile(dir + u"/settings.json"_s, "{}");
}

template<typename T>
bool finished(const QFuture<T> &future)
{
    return TestSupport::waitFor(future);
}

} // namespace

class tst_AccountEraseNoKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eraseRemovesEveryFile()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(u"acct"_s);
        Account::Account account(settingsFor(u"nurse@example.org"_s));
        QVERIFY(populate(account, dir, u"pass phrase"_s));
        QVERIFY(QFile::exists(dir + u"/messages.db"_s));
        QVERIFY(QFile::exists(dir + u"/database-key.wrapped"_s));
        QCOMPARE(account.dataDir(), dir);
        auto erased = account.eraseLocalData();
        QVERIFY(finished(erased));
        QVERIFY2(erased.result(),
                 erased.result() ? "" : qPrintable(erased.result().error().detail));
        QVERIFY(!QFileInfo::exists(dir));
        QVERIFY(!account.hasLocalData());
        QVERIFY(!account.settingsStore());
        // The account can start over: a new, empty store.
        Account::LocalDataOptions again;
        again.dataDir = dir;
        again.passphrase = u"other phrase"_s;
        again.fastKdfForTests = true;
        auto reopened = account.openLocalData(again);
        QVERIFY(finished(reopened));
        QVERIFY(reopened.result());
        auto history = account.messageStore()->messages(u"peer@example.org"_s, 0, 10);
        QVERIFY(finished(history));
        QVERIFY(history.result());
        QVERIFY(history.result()->isEmpty());
    }

    void eraseWithoutAttachmentsFolder()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(u"acct"_s);
        Account::Account account(settingsFor(u"nurse@example.org"_s));
        QVERIFY(populate(account, dir, u"pass phrase"_s));
        QVERIFY(QDir(dir + u"/attachments"_s).removeRecursively());
        auto erased = account.signOutAndErase();
        QVERIFY(finished(erased));
        QVERIFY(erased.result());
        QVERIFY(!QFileInfo::exists(dir));
    }

    void neverErasesTheHomeFolder()
    {
        Account::Account account(settingsFor(u"nurse@example.org"_s));
        // Local data never opened: nothing is known, nothing is removed.
        auto erased = account.eraseLocalData();
        QVERIFY(finished(erased));
        QVERIFY(erased.result());
        QVERIFY(QFileInfo::exists(QDir::homePath()));
    }
};

class tst_AccountEraseKeyring : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eraseRemovesKeychainEntries()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(u"acct"_s);
        const Core::Jid jid(u"wiped@example.org"_s);
        Account::Account account(settingsFor(jid.bareString()));
        QVERIFY(populate(account, dir, std::nullopt));
        Account::KeyCustody keys(jid);
        auto token = keys.storeSecret(u"fast-token"_s, "{\"token\":\"t\"}");
        QVERIFY(finished(token));
        QVERIFY(token.result());
        auto key = keys.loadKey();
        QVERIFY(finished(key));
        QVERIFY(key.result()); // the store's key is in the keychain

        auto erased = account.eraseLocalData();
        QVERIFY(finished(erased));
        QVERIFY2(erased.result(),
                 erased.result() ? "" : qPrintable(erased.result().error().detail));
        QVERIFY(!QFileInfo::exists(dir));
        auto keyAfter = keys.loadKey();
        QVERIFY(finished(keyAfter));
        QCOMPARE(keyAfter.result().error().detail, Account::KeyCustody::NoKey.toString());
        auto tokenAfter = keys.loadSecret(u"fast-token"_s);
        QVERIFY(finished(tokenAfter));
        QCOMPARE(tokenAfter.result().error().detail, Account::KeyCustody::NoKey.toString());
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariable("ROUNDS_KEYCHAIN_TEST") == u"keyring") {
        tst_AccountEraseKeyring keyring;
        return QTest::qExec(&keyring, argc, argv);
    }
    tst_AccountEraseNoKeychain none;
    return QTest::qExec(&none, argc, argv);
}

#include "tst_AccountErase.moc"
