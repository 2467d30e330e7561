// SPDX-License-Identifier: GPL-3.0-or-later
// Clinical messaging and device trust in the window, against the real test
// Prosody (issues 6 and 7). Erin's window pages Frank STAT through the
// composer's priority selector; Frank (rounds-cli) receives it and
// acknowledges it with `rounds-cli ack`; Erin's window then shows
// "Acknowledged by". Then Ctrl+I opens the trust panel for Frank: his devices
// are listed with fingerprints, Erin verifies them there, and the unverified
// banner goes away. Screenshots go to ROUNDS_TEST_ARTIFACTS.
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
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <memory>

using namespace Qt::StringLiterals;

Q_IMPORT_QML_PLUGIN(Rounds_UiPlugin)

namespace {

/// Items named `name` in the visual tree (delegates have no QObject parent).
void collect(QQuickItem *root, const QString &name, QList<QQuickItem *> *out)
{
    if (root->objectName() == name)
        out->append(root);
    for (QQuickItem *child : root->childItems())
        collect(child, name, out);
}

/// Not blank: several colours, none covering nearly everything.
bool looksDrawn(const QImage &image)
{
    if (image.isNull() || image.width() < 100 || image.height() < 100)
        return false;
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
    return counts.size() >= 8 && most <= total * 0.995;
}

} // namespace

class tst_ClinicalWindowLive : public QObject
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

    QString self() const { return m_env.account(4); }
    QString peer() const { return m_env.account(5); }

    QList<QQuickItem *> items(const QString &name) const
    {
        QList<QQuickItem *> found;
        collect(m_window->contentItem(), name, &found);
        if (QQuickItem *overlay = m_window->property("overlay").value<QQuickItem *>())
            collect(overlay, name, &found);
        return found;
    }
    QQuickItem *item(const QString &name) const
    {
        const auto found = items(name);
        return found.isEmpty() ? nullptr : found.first();
    }
    QQuickItem *visibleItem(const QString &name) const
    {
        for (QQuickItem *i : items(name))
            if (i->isVisible())
                return i;
        return nullptr;
    }

    void click(QQuickItem *target)
    {
        QTest::mouseClick(
            m_window, Qt::LeftButton, {},
            target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint());
    }

    void type(const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClick(m_window, char(c.toLatin1()));
    }

    void screenshot(const QString &name)
    {
        QTest::qWait(300);
        const QImage shot = m_window->grabWindow();
        const QString path = QDir(m_artifacts).filePath(name + u".png"_s);
        QVERIFY2(shot.save(path), qPrintable(path));
        QVERIFY2(looksDrawn(QImage(path)), qPrintable(name + u": blank"_s));
    }

    QProcessEnvironment cliEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"ROUNDS_DB_PASSPHRASE"_s, u"clinical cli passphrase"_s);
        env.insert(u"ROUNDS_PASSWORD"_s, m_env.password(peer()));
        return env;
    }

    QStringList cliArgs() const
    {
        return {u"--url"_s,     m_env.url.toString(), u"--jid"_s,      peer(),
                u"--ca-file"_s, m_env.caFile,         u"--data-dir"_s, m_data.filePath(u"cli"_s)};
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
        for (const QString &name : {u"4-stat-acknowledged"_s, u"5-trust-verified"_s})
            QFile::remove(QDir(m_artifacts).filePath(name + u".png"_s));

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

        // Signing in by typing is tst_DesktopEndToEnd's; here the form is filled in.
        auto *form = m_window->findChild<Ui::SignInForm *>(u"signInForm"_s);
        QVERIFY(form);
        form->setDataDir(m_data.filePath(u"window"_s));
        form->setFastKdfForTests(true);
        form->setServerUrl(m_env.url.toString());
        form->setAccountJid(self());
        form->setCaFile(m_env.caFile);
        form->setPassphraseNeeded(true);
        form->signIn(m_env.password(self()), u"clinical window passphrase"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(m_session.isSignedIn(), qPrintable(form->errorText()), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(m_session.status(), Ui::Session::Status::Online, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_session.account()->omemo() && m_session.account()->omemo()->deviceId() != 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(item(u"mainView"_s), 10000);
    }

    void statPageIsAcknowledged()
    {
        // Frank listens (and stores what he gets, for the ack below).
        QProcess listener;
        listener.setProcessEnvironment(cliEnvironment());
        listener.start(m_cli, cliArgs() + QStringList{u"listen"_s, u"--timeout"_s, u"120"_s});
        QVERIFY(listener.waitForStarted());
        listener.closeWriteChannel();
        QVERIFY(QTest::qWaitFor([&] { return listener.canReadLine(); }, 60000));
        QCOMPARE(QJsonDocument::fromJson(listener.readLine()).object().value(u"event"_s),
                 u"ready"_s);

        QObject *conversation = m_window->findChild<QObject *>(u"conversationModel"_s);
        QVERIFY(conversation);
        conversation->setProperty("peer", peer());
        QQuickItem *composer = item(u"composer"_s);
        QVERIFY(composer);
        composer->forceActiveFocus();

        // STAT from the selector, by keyboard: Shift+Tab from the composer, then Down twice.
        QQuickItem *selector = item(u"prioritySelector"_s);
        QVERIFY(selector);
        QTest::keyClick(m_window, Qt::Key_Tab, Qt::ShiftModifier);
        QTRY_VERIFY(selector->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Down);
        QTest::keyClick(m_window, Qt::Key_Down);
        QTRY_COMPARE(selector->property("currentIndex").toInt(), 2);
        composer->forceActiveFocus();
        const QString body =
            u"STAT bed 12 "_s + QString::number(QRandomGenerator::global()->generate(), 16);
        type(body);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(composer->property("text").toString().isEmpty());
        // Back to routine for the next message.
        QCOMPARE(selector->property("currentIndex").toInt(), 0);
        QTRY_VERIFY(visibleItem(u"priorityBadge"_s));

        QString id;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         while (listener.canReadLine()) {
                             const auto line =
                                 QJsonDocument::fromJson(listener.readLine()).object();
                             if (line.value(u"body"_s).toString() == body)
                                 id = line.value(u"id"_s).toString();
                         }
                         return !id.isEmpty();
                     },
                     60000),
                 listener.readAllStandardError().constData());
        listener.terminate();
        QVERIFY(listener.waitForFinished(15000));

        QProcess ack;
        ack.setProcessEnvironment(cliEnvironment());
        ack.start(m_cli, cliArgs() + QStringList{u"ack"_s, u"--message"_s, id});
        ack.closeWriteChannel();
        QVERIFY(ack.waitForFinished(90000));
        QVERIFY2(ack.exitCode() == 0, ack.readAllStandardError().constData());

        // The sender sees who acknowledged, on the message.
        const auto acknowledgedShown = [&] {
            for (QQuickItem *i : items(u"acknowledgedText"_s))
                if (i->isVisible() &&
                    i->property("text").toString().startsWith(u"Acknowledged by "_s))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(acknowledgedShown(), 30000);
        QTest::qWait(500);
        QVERIFY(acknowledgedShown()); // and it stays
        screenshot(u"4-stat-acknowledged"_s);
    }

    void trustPanelVerifiesTheContact()
    {
        QObject *devices = m_window->findChild<QObject *>(u"deviceTrustModel"_s);
        QVERIFY(devices);
        QTRY_VERIFY_WITH_TIMEOUT(devices->property("contactHasDevices").toBool(), 30000);
        QTRY_VERIFY(devices->property("hasUnverified").toBool());
        QTRY_VERIFY(visibleItem(u"unverifiedBanner"_s));

        QTest::keyClick(m_window, Qt::Key_I, Qt::ControlModifier);
        QTRY_VERIFY(visibleItem(u"trustPanel"_s));
        QTRY_VERIFY(visibleItem(u"fingerprint"_s));
        QVERIFY(!visibleItem(u"fingerprint"_s)->property("text").toString().isEmpty());

        // Verify from the panel each of Frank's devices whose fingerprint is
        // known (tests before this one may have left him several).
        auto *model = qobject_cast<QAbstractItemModel *>(devices);
        QVERIFY(model);
        const auto role = [&](const QByteArray &name) { return model->roleNames().key(name); };
        const auto pending = [&] {
            QList<int> rows;
            for (int r = 0; r < model->rowCount(); ++r) {
                const QModelIndex i = model->index(r, 0);
                if (i.data(role("jid")).toString() == peer() &&
                    !i.data(role("fingerprint")).toString().isEmpty() &&
                    i.data(role("trust")).toString() != u"verified")
                    rows << r;
            }
            return rows;
        };
        QQuickItem *list = visibleItem(u"deviceList"_s);
        QVERIFY(list);
        // The first one by its QR code, as a handheld scanner types it; a code
        // whose fingerprint differs is refused and verifies nothing.
        QVERIFY(!pending().isEmpty());
        const int scannedRow = pending().first();
        const QString code = model->index(scannedRow, 0).data(role("qrPayload")).toString();
        QVERIFY(code.startsWith(u"xmpp:"_s));
        QString tampered = code;
        tampered[tampered.size() - 1] = tampered.back() == u'0' ? u'1' : u'0';
        QQuickItem *field = visibleItem(u"scannedCode"_s);
        QVERIFY(field);
        field->forceActiveFocus();
        type(tampered);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(visibleItem(u"scanResult"_s));
        QVERIFY(visibleItem(u"scanResult"_s)->property("text").toString().contains(u"NOT match"_s));
        QVERIFY(model->index(scannedRow, 0).data(role("trust")).toString() != u"verified"_s);
        field->setProperty("text", QString());
        type(code);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE(model->index(scannedRow, 0).data(role("trust")).toString(), u"verified"_s);
        int clicked = 0;
        for (int guard = 0; guard < 60 && !pending().isEmpty(); ++guard) {
            QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, pending().first()),
                                      Q_ARG(int, 2 /* ListView.Center */));
            QTest::qWait(100);
            QQuickItem *verify = visibleItem(u"verifyButton"_s);
            if (!verify)
                continue;
            click(verify);
            ++clicked;
            QTest::qWait(200);
        }
        QVERIFY(clicked > 0);
        QTRY_VERIFY(pending().isEmpty());
        // The banner goes once no device of his is left unverified; a device
        // whose fingerprint is still unknown keeps it up.
        bool unknown = false;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QModelIndex i = model->index(r, 0);
            unknown |= i.data(role("jid")).toString() == peer() &&
                       i.data(role("active")).toBool() &&
                       i.data(role("fingerprint")).toString().isEmpty();
        }
        QTRY_COMPARE(devices->property("hasUnverified").toBool(), unknown);
        QTRY_COMPARE(bool(visibleItem(u"unverifiedBanner"_s)), unknown);
        screenshot(u"5-trust-verified"_s);
    }

    void cleanupTestCase()
    {
        if (m_session.isSignedIn())
            m_session.signOut();
        m_engine.reset();
    }
};

QTEST_MAIN(tst_ClinicalWindowLive)
#include "tst_ClinicalWindowLive.moc"
