// SPDX-License-Identifier: GPL-3.0-or-later
// Runs in one of two environments, chosen by ROUNDS_KEYCHAIN_TEST (CTest sets it):
//   keyring  under scripts/with-keyring.sh: a private, unlocked gnome-keyring;
//   none     D-Bus pointed at a socket that does not exist, DISPLAY unset.
#include "account/KeyCustody.h"

#include "crypto/KeyWrap.h"
#include "crypto/SecretBytes.h"

#include "core/ErrorText.h"

#include "TestSupport.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using Account::KeyCustody;
using Core::Error;
using Crypto::SecretKey;

namespace {

const Core::Jid kAlice(u"alice@hospital.example/desk");
const Core::Jid kBob(u"bob@hospital.example");

SecretKey makeKey()
{
    auto key = Crypto::randomKey();
    Q_ASSERT(key);
    return *key;
}

template<typename T>
Core::Result<T> await(QFuture<Core::Result<T>> future)
{
    if (!TestSupport::waitFor(future, std::chrono::seconds(30)))
        return Core::fail(Error::Code::Timeout, u"test timed out"_s);
    return future.result();
}

QString describe(const Error &error)
{
    return error.detail + u" ("_s + Core::errorCodeName(error.code) + u')';
}

int fileMode(const QString &path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

} // namespace

// ---------------------------------------------------------------------------

class TestKeyCustodyKeyring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void entryNameUsesBareJid();
    void storeLoadDelete();
    void storeReplaces();
    void accountsAreSeparate();
    void deleteIsIdempotent();
    // Locks the keyring, so it stays last.
    void lockedKeyringIsReported();
};

void TestKeyCustodyKeyring::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
             "run under scripts/with-keyring.sh");
    // Leftovers of an interrupted run must not decide the outcome.
    QVERIFY(await(KeyCustody(kAlice).deleteKey()));
    QVERIFY(await(KeyCustody(kBob).deleteKey()));
}

void TestKeyCustodyKeyring::entryNameUsesBareJid()
{
    QCOMPARE(KeyCustody(kAlice).entryName(), u"alice@hospital.example/database-key"_s);
    QCOMPARE(KeyCustody(kBob).entryName(), u"bob@hospital.example/database-key"_s);
}

void TestKeyCustodyKeyring::storeLoadDelete()
{
    KeyCustody custody(kAlice);
    const SecretKey key = makeKey();

    const auto stored = await(custody.storeKey(key));
    QVERIFY2(stored, qPrintable(stored ? QString() : describe(stored.error())));

    const auto loaded = await(custody.loadKey());
    QVERIFY2(loaded, qPrintable(loaded ? QString() : describe(loaded.error())));
    QCOMPARE(loaded->view(), key.view());

    const auto deleted = await(custody.deleteKey());
    QVERIFY2(deleted, qPrintable(deleted ? QString() : describe(deleted.error())));

    const auto gone = await(custody.loadKey());
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, Error::Code::Storage);
    QCOMPARE(gone.error().detail, u"no-key"_s);
    QVERIFY(KeyCustody::describeKeyError(gone.error()).contains(u"keychain holds no key"_s));
}

void TestKeyCustodyKeyring::storeReplaces()
{
    KeyCustody custody(kAlice);
    const SecretKey first = makeKey();
    const SecretKey second = makeKey();
    QVERIFY(await(custody.storeKey(first)));
    QVERIFY(await(custody.storeKey(second)));
    const auto loaded = await(custody.loadKey());
    QVERIFY(loaded);
    QCOMPARE(loaded->view(), second.view());
    QVERIFY(await(custody.deleteKey()));
}

void TestKeyCustodyKeyring::accountsAreSeparate()
{
    KeyCustody alice(kAlice);
    KeyCustody bob(kBob);
    const SecretKey aliceKey = makeKey();
    const SecretKey bobKey = makeKey();

    QVERIFY(await(alice.storeKey(aliceKey)));
    // Bob has nothing yet, even though Alice has a key.
    const auto bobEmpty = await(bob.loadKey());
    QVERIFY(!bobEmpty);
    QCOMPARE(bobEmpty.error().detail, u"no-key"_s);

    QVERIFY(await(bob.storeKey(bobKey)));
    QCOMPARE(await(alice.loadKey())->view(), aliceKey.view());
    QCOMPARE(await(bob.loadKey())->view(), bobKey.view());

    // Another resource of the same account shares the entry.
    QCOMPARE(await(KeyCustody(Core::Jid(u"alice@hospital.example/ward")).loadKey())->view(),
             aliceKey.view());

    QVERIFY(await(alice.deleteKey()));
    QCOMPARE(await(alice.loadKey()).error().detail, u"no-key"_s);
    QCOMPARE(await(bob.loadKey())->view(), bobKey.view());
    QVERIFY(await(bob.deleteKey()));
}

void TestKeyCustodyKeyring::deleteIsIdempotent()
{
    KeyCustody custody(kBob);
    QVERIFY(await(custody.deleteKey()));
    QVERIFY(await(custody.deleteKey()));
}

void TestKeyCustodyKeyring::lockedKeyringIsReported()
{
    KeyCustody custody(kAlice);
    const SecretKey key = makeKey();
    QVERIFY(await(custody.storeKey(key)));

    // Lock the default collection the way a screen locker would. gnome-keyring
    // cannot show its unlock prompt here, so qtkeychain answers a read with a bare
    // "Entry not found": KeyCustody must still say "locked", not "no key".
    QDBusConnection bus = QDBusConnection::sessionBus();
    QVERIFY(bus.isConnected());
    const QString service = u"org.freedesktop.secrets"_s;
    QDBusMessage readAlias =
        QDBusMessage::createMethodCall(service, u"/org/freedesktop/secrets"_s,
                                       u"org.freedesktop.Secret.Service"_s, u"ReadAlias"_s);
    readAlias << u"default"_s;
    const QDBusReply<QDBusObjectPath> alias = bus.call(readAlias);
    QVERIFY2(alias.isValid(), qPrintable(alias.error().message()));
    QDBusMessage lock = QDBusMessage::createMethodCall(
        service, u"/org/freedesktop/secrets"_s, u"org.freedesktop.Secret.Service"_s, u"Lock"_s);
    lock << QVariant::fromValue(QList<QDBusObjectPath>{alias.value()});
    const QDBusMessage locked = bus.call(lock);
    QVERIFY2(locked.type() == QDBusMessage::ReplyMessage, qPrintable(locked.errorMessage()));

    const auto loaded = await(custody.loadKey());
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, Error::Code::Storage);
    QCOMPARE(loaded.error().detail, u"keychain-locked"_s);
    QVERIFY(KeyCustody::describeKeyError(loaded.error()).contains(u"keychain is locked"_s));

    const auto stored = await(custody.storeKey(makeKey()));
    QVERIFY(!stored);
    QCOMPARE(stored.error().detail, u"keychain-locked"_s);
}

// ---------------------------------------------------------------------------

class TestKeyCustodyNoKeyring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loadReportsNoKeychain();
    void storeAndDeleteReportNoKeychain();
    void passphraseFileRoundTrip();
    void wrongPassphrase();
    void corruptKeyFile();
    void missingKeyFile();
    void rewriteReplacesAtomically();
    void emptyPassphraseRefused();
    void everyDetailHasItsOwnText();

private:
    static KeyCustody *fastCustody(KeyCustody &custody);
};

KeyCustody *TestKeyCustodyNoKeyring::fastCustody(KeyCustody &custody)
{
    custody.setKdfLimits(Crypto::KdfLimits::interactive());
    return &custody;
}

void TestKeyCustodyNoKeyring::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsEmpty("DISPLAY"), "DISPLAY must be unset");
    QCOMPARE(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"), u"unix:path=/nonexistent"_s);
}

void TestKeyCustodyNoKeyring::loadReportsNoKeychain()
{
    KeyCustody custody(kAlice);
    const auto loaded = await(custody.loadKey());
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, Error::Code::Storage);
    QCOMPARE(loaded.error().detail, u"no-keychain"_s);
    QCOMPARE(KeyCustody::describeKeyError(loaded.error()),
             u"No keychain is available on this computer. Choose a passphrase to protect the "
             u"local message store."_s);
}

void TestKeyCustodyNoKeyring::storeAndDeleteReportNoKeychain()
{
    KeyCustody custody(kAlice);
    const auto stored = await(custody.storeKey(makeKey()));
    QVERIFY(!stored);
    QCOMPARE(stored.error().detail, u"no-keychain"_s);
    const auto deleted = await(custody.deleteKey());
    QVERIFY(!deleted);
    QCOMPARE(deleted.error().detail, u"no-keychain"_s);
}

void TestKeyCustodyNoKeyring::passphraseFileRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"alice/database.key"_s);
    KeyCustody custody(kAlice);
    fastCustody(custody);
    const SecretKey key = makeKey();

    const auto written = await(custody.wrapToFile(key, u"night shift 7"_s, path));
    QVERIFY2(written, qPrintable(written ? QString() : describe(written.error())));
    QCOMPARE(fileMode(path), 0600);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray blob = file.readAll();
    QCOMPARE(blob.size(), 101);
    QVERIFY(!blob.contains(key.view()));
    QCOMPARE(*Crypto::KeyWrap::limitsOf(blob), Crypto::KdfLimits::interactive());

    const auto opened = await(custody.unwrapFromFile(path, u"night shift 7"_s));
    QVERIFY2(opened, qPrintable(opened ? QString() : describe(opened.error())));
    QCOMPARE(opened->view(), key.view());
}

void TestKeyCustodyNoKeyring::wrongPassphrase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"database.key"_s);
    KeyCustody custody(kAlice);
    fastCustody(custody);
    QVERIFY(await(custody.wrapToFile(makeKey(), u"night shift 7"_s, path)));

    const auto opened = await(custody.unwrapFromFile(path, u"night shift 8"_s));
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, Error::Code::Auth);
    QCOMPARE(opened.error().detail, u"wrong passphrase"_s);
    QVERIFY(KeyCustody::describeKeyError(opened.error()).startsWith(u"The passphrase is wrong."_s));
}

void TestKeyCustodyNoKeyring::corruptKeyFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"database.key"_s);
    KeyCustody custody(kAlice);
    fastCustody(custody);
    QVERIFY(await(custody.wrapToFile(makeKey(), u"pw"_s, path)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray blob = file.readAll();
    file.close();

    auto rewrite = [&](const QByteArray &bytes) {
        QFile out(path);
        return out.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
               out.write(bytes) == bytes.size();
    };

    // Truncated, empty, garbage and a damaged header are "corrupt".
    const QList<QByteArray> damaged = {blob.left(60), QByteArray(), QByteArray(101, 'x'),
                                       QByteArray("RNDX" + blob.mid(4)), QByteArray(blob + blob)};
    for (const QByteArray &bad : damaged) {
        QVERIFY(rewrite(bad));
        const auto opened = await(custody.unwrapFromFile(path, u"pw"_s));
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, Error::Code::Storage);
        QCOMPARE(opened.error().detail, u"key file is corrupt"_s);
        QVERIFY(KeyCustody::describeKeyError(opened.error()).contains(u"key file is damaged"_s));
    }
    // A damaged sealed byte cannot be told from a wrong passphrase.
    QByteArray flipped = blob;
    flipped[80] = char(flipped[80] ^ 0x10);
    QVERIFY(rewrite(flipped));
    const auto opened = await(custody.unwrapFromFile(path, u"pw"_s));
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, Error::Code::Auth);
}

void TestKeyCustodyNoKeyring::missingKeyFile()
{
    QTemporaryDir dir;
    KeyCustody custody(kAlice);
    const auto opened = await(custody.unwrapFromFile(dir.filePath(u"nothing.key"_s), u"pw"_s));
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, Error::Code::Storage);
    QCOMPARE(opened.error().detail, u"no-key-file"_s);
}

void TestKeyCustodyNoKeyring::rewriteReplacesAtomically()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"database.key"_s);
    {
        // A pre-existing, world-readable file must not keep its mode.
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
    }
    KeyCustody custody(kAlice);
    fastCustody(custody);
    const SecretKey key = makeKey();
    QVERIFY(await(custody.wrapToFile(key, u"first"_s, path)));
    QCOMPARE(fileMode(path), 0600);
    QVERIFY(await(custody.wrapToFile(key, u"second"_s, path)));
    QCOMPARE(fileMode(path), 0600);

    QCOMPARE(await(custody.unwrapFromFile(path, u"first"_s)).error().code, Error::Code::Auth);
    QCOMPARE(await(custody.unwrapFromFile(path, u"second"_s))->view(), key.view());
    // No temporary files left next to it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{u"database.key"_s});

    // A path that cannot be written (its parent is a file) is reported, not crashed on.
    const auto unwritable =
        await(custody.wrapToFile(key, u"pw"_s, dir.filePath(u"database.key/inner.key"_s)));
    QVERIFY(!unwritable);
    QCOMPARE(unwritable.error().detail, u"key-file-unwritable"_s);
}

void TestKeyCustodyNoKeyring::emptyPassphraseRefused()
{
    QTemporaryDir dir;
    KeyCustody custody(kAlice);
    const QString path = dir.filePath(u"database.key"_s);
    const auto written = await(custody.wrapToFile(makeKey(), QString(), path));
    QVERIFY(!written);
    QCOMPARE(written.error().code, Error::Code::Policy);
    QVERIFY(!QFile::exists(path));
    QVERIFY(KeyCustody::describeKeyError(written.error()).contains(u"cannot be empty"_s));
}

void TestKeyCustodyNoKeyring::everyDetailHasItsOwnText()
{
    const QList<Error> errors = {
        {Error::Code::Storage, u"no-keychain"_s},
        {Error::Code::Storage, u"keychain-locked"_s},
        {Error::Code::Storage, u"no-key"_s},
        {Error::Code::Storage, u"keychain-entry-corrupt"_s},
        {Error::Code::Storage, u"keychain-error"_s},
        {Error::Code::Storage, u"key file is corrupt"_s},
        {Error::Code::Storage, u"no-key-file"_s},
        {Error::Code::Storage, u"key-file-unreadable"_s},
        {Error::Code::Storage, u"key-file-unwritable"_s},
        {Error::Code::Auth, u"wrong passphrase"_s},
        {Error::Code::Policy, u"empty passphrase"_s},
    };
    const QString genericStorage = Core::describeError({Error::Code::Storage, {}});
    QSet<QString> texts;
    for (const Error &error : errors) {
        const QString text = KeyCustody::describeKeyError(error);
        QVERIFY2(!text.isEmpty(), qPrintable(error.detail));
        QVERIFY2(text != genericStorage, qPrintable(error.detail));
        texts.insert(text);
    }
    QCOMPARE(texts.size(), errors.size());
    // Anything else falls back to the general text.
    QCOMPARE(KeyCustody::describeKeyError({Error::Code::Storage, u"disk-full"_s}), genericStorage);
    QCOMPARE(KeyCustody::describeKeyError({Error::Code::Auth, u"not-authorized"_s}),
             Core::describeError({Error::Code::Auth, {}}));
}

// ---------------------------------------------------------------------------

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString mode = qEnvironmentVariable("ROUNDS_KEYCHAIN_TEST");
    if (mode == u"keyring") {
        TestKeyCustodyKeyring test;
        return QTest::qExec(&test, argc, argv);
    }
    if (mode == u"none") {
        TestKeyCustodyNoKeyring test;
        return QTest::qExec(&test, argc, argv);
    }
    qCritical("set ROUNDS_KEYCHAIN_TEST to \"keyring\" or \"none\" (CTest does)");
    return 2;
}

#include "tst_KeyCustody.moc"
