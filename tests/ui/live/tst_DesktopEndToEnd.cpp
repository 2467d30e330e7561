// SPDX-License-Identifier: GPL-3.0-or-later
// The whole window against the real test Prosody, as a person uses it: sign in
// by typing into the sign-in screen, see a colleague's message in the list,
// jump to the conversation with Ctrl+K, answer with the keyboard, and see the
// colleague's reply (a second account driven by rounds-cli) appear. Screenshots
// of the sign-in, list and conversation screens go to ROUNDS_TEST_ARTIFACTS;
// a missing or blank one fails the test.
#include "Session.h"
#include "SignInForm.h"

#include "account/Account.h"
#include "sync/OmemoService.h"

#include "ServerEnv.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <memory>

using namespace Qt::StringLiterals;

Q_IMPORT_QML_PLUGIN(Rounds_UiPlugin)

namespace {

/// A screenshot shows something: more than a handful of colours, and no
/// single colour covering (nearly) everything.
bool looksDrawn(const QImage &image, QString *why)
{
    if (image.isNull() || image.width() < 100 || image.height() < 100) {
        *why = u"missing or tiny"_s;
        return false;
    }
    QHash<QRgb, int> counts;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); y += 2) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); x += 2)
            ++counts[line[x]];
    }
    int total = 0, most = 0;
    for (const int n : std::as_const(counts)) {
        total += n;
        most = std::max(most, n);
    }
    if (counts.size() < 8) {
        *why = u"only %1 colours"_s.arg(counts.size());
        return false;
    }
    if (most > total * 0.995) {
        *why = u"one colour covers %1%"_s.arg(100.0 * most / total, 0, 'f', 2);
        return false;
    }
    return true;
}

/// Items named `name` in the visual tree (delegates have no QObject parent).
void collect(QQuickItem *root, const QString &name, QList<QQuickItem *> *out)
{
    if (root->objectName() == name)
        out->append(root);
    for (QQuickItem *child : root->childItems())
        collect(child, name, out);
}

} // namespace

class tst_DesktopEndToEnd : public QObject
{
    Q_OBJECT
    ServerEnv m_env;
    QString m_cli;
    QString m_artifacts;
    QTemporaryDir m_config;
    QTemporaryDir m_data;
    Ui::Session m_session;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;

    // Erin signs in through the window; Frank answers from rounds-cli. Their
    // accounts are otherwise used by tst_Omemo only, with its own devices.
    QString self() const { return m_env.account(4); }
    QString peer() const { return m_env.account(5); }

    QQuickItem *item(const QString &name) const
    {
        // The visual tree: Loader items and popups are not all QObject children.
        QList<QQuickItem *> found;
        collect(m_window->contentItem(), name, &found);
        return found.isEmpty() ? nullptr : found.first();
    }

    static QString tag() { return QString::number(QRandomGenerator::global()->generate(), 16); }

    void type(const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClick(m_window, char(c.toLatin1()));
    }

    void click(QQuickItem *target)
    {
        QTest::mouseClick(
            m_window, Qt::LeftButton, {},
            target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint());
    }

    void typeInto(const QString &field, const QString &text)
    {
        QQuickItem *target = item(field);
        QVERIFY2(target, qPrintable(field));
        click(target);
        QTRY_VERIFY2(target->hasActiveFocus(), qPrintable(field));
        target->setProperty("text", QString()); // remembered values from a previous run
        type(text);
        QTRY_COMPARE(target->property("text").toString(), text);
    }

    void screenshot(const QString &name)
    {
        QTest::qWait(300); // let the last frame settle
        const QImage shot = m_window->grabWindow();
        const QString path = QDir(m_artifacts).filePath(name + u".png"_s);
        QVERIFY2(shot.save(path), qPrintable(path));
        QVERIFY2(QFile::exists(path), qPrintable(path));
        QString why;
        QVERIFY2(looksDrawn(QImage(path), &why), qPrintable(name + u": blank ("_s + why + u')'));
    }

    QProcessEnvironment cliEnvironment(const QString &jid) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"ROUNDS_DB_PASSPHRASE"_s, u"e2e cli passphrase"_s);
        env.insert(u"ROUNDS_PASSWORD"_s, m_env.password(jid));
        return env;
    }

    QStringList cliArgs(const QString &jid) const
    {
        return {u"--url"_s,     m_env.url.toString(), u"--jid"_s,      jid,
                u"--ca-file"_s, m_env.caFile,         u"--data-dir"_s, m_data.filePath(u"cli"_s)};
    }

    /// `rounds-cli send` as Frank; empty on success, else what went wrong.
    QString cliSend(const QString &body)
    {
        QProcess p;
        p.setProcessEnvironment(cliEnvironment(peer()));
        p.start(m_cli,
                cliArgs(peer()) + QStringList{u"send"_s, u"--to"_s, self(), u"--body"_s, body});
        p.closeWriteChannel();
        if (!p.waitForFinished(90000))
            return u"rounds-cli send timed out"_s;
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return QString::fromUtf8(p.readAllStandardError());
        return {};
    }

    bool conversationShows(const QString &text) const
    {
        QList<QQuickItem *> texts;
        collect(m_window->contentItem(), u"messageText"_s, &texts);
        for (QQuickItem *t : std::as_const(texts))
            if (t->property("text").toString() == text && t->isVisible())
                return true;
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QString error;
        m_env = ServerEnv::load(&error);
        QVERIFY2(m_env.isValid(), qPrintable(error));
        QVERIFY(m_env.accounts.size() > 5);
        m_cli = qEnvironmentVariable("ROUNDS_CLI");
        QVERIFY2(QFile::exists(m_cli), "ROUNDS_CLI must name the rounds-cli binary");
        m_artifacts = qEnvironmentVariable("ROUNDS_TEST_ARTIFACTS");
        QVERIFY2(!m_artifacts.isEmpty(), "ROUNDS_TEST_ARTIFACTS must name a folder");
        QVERIFY(QDir().mkpath(m_artifacts));
        for (const QString &name : {u"1-sign-in"_s, u"2-conversation-list"_s, u"3-conversation"_s})
            QFile::remove(QDir(m_artifacts).filePath(name + u".png"_s));
        qInfo("platform: %s", qPrintable(QGuiApplication::platformName()));
    }

    // The blank check itself: a one-colour image, and one with a few specks, fail.
    void blankScreenshotsAreCaught()
    {
        QString why;
        QImage flat(640, 480, QImage::Format_RGB32);
        flat.fill(Qt::white);
        QVERIFY(!looksDrawn(flat, &why));
        for (int i = 0; i < 20; ++i)
            flat.setPixel(i * 2, 0, qRgb(i * 10, 0, 0));
        QVERIFY(!looksDrawn(flat, &why));
        QVERIFY(!looksDrawn(QImage(), &why));
    }

    void signInTalkAndSeeTheReply()
    {
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->setInitialProperties({{u"session"_s, QVariant::fromValue(&m_session)}});
        m_engine->load(QUrl(u"qrc:/Rounds/Ui/Main.qml"_s));
        QCOMPARE(m_engine->rootObjects().size(), 1);
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
        QVERIFY(m_window);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_window->requestActivate();

        // This computer's store goes to a temporary folder, with a cheap KDF.
        auto *form = m_window->findChild<Ui::SignInForm *>(u"signInForm"_s);
        QVERIFY(form);
        form->setDataDir(m_data.filePath(u"window"_s));
        form->setFastKdfForTests(true);

        // 1. Sign in by typing, as a person would.
#define STEP(call)                                                                                 \
    do {                                                                                           \
        call;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)
        STEP(typeInto(u"serverUrlField"_s, m_env.url.toString()));
        STEP(typeInto(u"accountField"_s, self()));
        STEP(typeInto(u"caFileField"_s, m_env.caFile));
        STEP(typeInto(u"passwordField"_s, m_env.password(self())));
        STEP(screenshot(u"1-sign-in"_s));
        QTest::keyClick(m_window, Qt::Key_Return);
        // No keychain here: the window asks for a passphrase for local data.
        QTRY_VERIFY_WITH_TIMEOUT(m_session.isSignedIn() || form->passphraseNeeded(), 30000);
        if (!m_session.isSignedIn()) {
            QTRY_VERIFY_WITH_TIMEOUT(!form->isBusy(), 30000);
            QQuickItem *passphrase = item(u"passphraseField"_s);
            QVERIFY(passphrase);
            QTRY_VERIFY(passphrase->isVisible());
            if (item(u"passwordField"_s)->property("text").toString().isEmpty())
                STEP(typeInto(u"passwordField"_s, m_env.password(self())));
            STEP(typeInto(u"passphraseField"_s, u"e2e window passphrase"_s));
            QTest::keyClick(m_window, Qt::Key_Return);
        }
        QTRY_VERIFY2_WITH_TIMEOUT(m_session.isSignedIn(), qPrintable(form->errorText()), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(item(u"mainView"_s), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_session.status(), Ui::Session::Status::Online, 30000);
        // Our device's keys are out before the colleague encrypts to us.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_session.account()->omemo() && m_session.account()->omemo()->deviceId() != 0, 30000);
        QTest::qWait(1000);

        // 2. A colleague writes: the conversation shows up in the list, unread.
        const QString first = u"e2e: are you on the ward? "_s + tag();
        const QString sendError = cliSend(first);
        QVERIFY2(sendError.isEmpty(), qPrintable(sendError));
        QObject *conversations = m_window->findChild<QObject *>(u"conversationListModel"_s);
        QVERIFY(conversations);
        QTRY_VERIFY_WITH_TIMEOUT(conversations->property("totalUnread").toInt() > 0, 30000);
        STEP(screenshot(u"2-conversation-list"_s));

        // 3. Ctrl+K, part of the name, Enter: the conversation opens.
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
        QQuickItem *switcherField = item(u"quickSwitcherField"_s);
        QTRY_VERIFY(switcherField && switcherField->hasActiveFocus());
        type(peer().section(u'@', 0, 0));
        QTest::keyClick(m_window, Qt::Key_Return);
        QObject *conversation = m_window->findChild<QObject *>(u"conversationModel"_s);
        QTRY_COMPARE(conversation->property("peer").toString(), peer());
        // Its first message is there (decrypted, unless it raced our device
        // list: then its placeholder; the reply below must decrypt).
        auto *messages = qobject_cast<QAbstractItemModel *>(conversation);
        QVERIFY(messages);
        QTRY_VERIFY_WITH_TIMEOUT(messages->rowCount() > 0, 10000);
        if (!conversationShows(first))
            qWarning("the first message did not decrypt (device list race)");

        // 4. Frank listens; the answer is typed into the composer and sent with Enter.
        QProcess listener;
        listener.setProcessEnvironment(cliEnvironment(peer()));
        listener.start(m_cli, cliArgs(peer()) + QStringList{u"listen"_s, u"--timeout"_s, u"120"_s});
        QVERIFY(listener.waitForStarted());
        listener.closeWriteChannel();
        QVERIFY(QTest::qWaitFor([&] { return listener.canReadLine(); }, 60000));
        QCOMPARE(QJsonDocument::fromJson(listener.readLine()).object().value(u"event"_s),
                 u"ready"_s);

        QQuickItem *composer = item(u"composer"_s);
        QVERIFY(composer);
        QTRY_VERIFY(composer->hasActiveFocus());
        const QString answer = u"e2e: on my way "_s + tag();
        type(answer);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(composer->property("text").toString().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(conversationShows(answer), 10000);

        QJsonObject received;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         while (listener.canReadLine()) {
                             const auto line =
                                 QJsonDocument::fromJson(listener.readLine()).object();
                             if (line.value(u"body"_s).toString() == answer)
                                 received = line;
                         }
                         return !received.isEmpty();
                     },
                     60000),
                 listener.readAllStandardError().constData());
        listener.terminate();
        QVERIFY(listener.waitForFinished(15000));
        // End-to-end encrypted by default: Frank's device decrypted it.
        QCOMPARE(received.value(u"protection"_s).toString(), u"encrypted"_s);

        // 5. Frank's reply appears in the open conversation.
        const QString reply = u"e2e: thanks, bed 12 "_s + tag();
        const QString replyError = cliSend(reply);
        QVERIFY2(replyError.isEmpty(), qPrintable(replyError));
        QTRY_VERIFY_WITH_TIMEOUT(conversationShows(reply), 30000);
        STEP(screenshot(u"3-conversation"_s));

        m_session.signOut();
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        // Every screenshot is there, and none is blank.
        for (const QString &name :
             {u"1-sign-in"_s, u"2-conversation-list"_s, u"3-conversation"_s}) {
            QString why;
            QVERIFY2(looksDrawn(QImage(QDir(m_artifacts).filePath(name + u".png"_s)), &why),
                     qPrintable(name + u": "_s + why));
        }
    }
};

QTEST_MAIN(tst_DesktopEndToEnd)
#include "tst_DesktopEndToEnd.moc"
