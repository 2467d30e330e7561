// SPDX-License-Identifier: GPL-3.0-or-later
// rounds: the desktop app. Wires the Session to the QML window; the command line
// only prefills the sign-in form (there is deliberately no password option),
// except for the demo: --demo-account names an owner-only file that
// scripts/demo.sh writes for its embedded server on loopback (Ui::DemoAccount
// refuses anything else), and the window signs in with it.
#include "AppSettings.h"
#include "BenchProbe.h"
// One instance per user: a second start brings the running window forward.
#include "DemoAccount.h"
#include "DesktopShell.h"
#include "Session.h"
#include "SignInForm.h"
#include "SingleInstance.h"
#include "Translations.h"

#include "core/LogScrubber.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QUrl>
#include <QtQml/QQmlExtensionPlugin>

#include <cstring>
#include <optional>

using namespace Qt::StringLiterals;

Q_IMPORT_QML_PLUGIN(Rounds_UiPlugin)

namespace {

void describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Rounds: secure messaging for clinical teams."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {u"url"_s,
         QCoreApplication::translate(
             "main", "Server address to fill in, e.g. wss://chat.example.org/xmpp-websocket."),
         u"url"_s});
    parser.addOption(
        {u"jid"_s, QCoreApplication::translate("main", "Account to fill in, e.g. ana@example.org."),
         u"jid"_s});
    parser.addOption({u"ca-file"_s,
                      QCoreApplication::translate(
                          "main", "PEM file with the organisation's CA certificate(s) to fill in."),
                      u"file"_s});
    parser.addOption({u"lang"_s,
                      QCoreApplication::translate(
                          "main", "Language of the window (en, es); default: the system's."),
                      u"code"_s});
    parser.addOption(
        {u"demo-account"_s,
         QCoreApplication::translate(
             "main", "Demo only: sign in with the account in this owner-only file, written by "
                     "scripts/demo.sh for its server on this computer."),
         u"file"_s});
    parser.addOption(
        {u"new-instance"_s, QCoreApplication::translate(
                                "main", "Open a separate window even if Rounds is already running "
                                        "(for example to sign in as a second account).")});
}

// --help and --version need no display: they are answered before the GUI starts.
bool onlyPrints(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"-h", "-?", "--help", "--help-all", "-v", "--version"})
            if (std::strcmp(argv[i], flag) == 0)
                return true;
    }
    return false;
}

void setUpApplication()
{
    QCoreApplication::setApplicationName(u"rounds"_s);
    // QSettings (remembered sign-in fields, no secrets) lives under this name.
    QCoreApplication::setOrganizationName(u"rounds"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ROUNDS_VERSION));
}

} // namespace

int main(int argc, char **argv)
{
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        setUpApplication();
        Ui::Translations translations;
        translations.load(QLocale());
        QCommandLineParser parser;
        describeOptions(parser);
        parser.process(app); // prints and exits
        return 0;
    }

    // QApplication (not QGuiApplication): the tray icon and its menu are widgets.
    QApplication app(argc, argv);
    setUpApplication();
    QGuiApplication::setDesktopFileName(u"rounds"_s);
    QGuiApplication::setWindowIcon(Desktop::DesktopShell::appIcon());
    Core::installScrubbingLogHandler();

    // The language chosen in Settings (QSettings), else the system's; --lang wins.
    Ui::Translations translations;
    if (!Ui::AppSettings::storedLanguage().isEmpty())
        QLocale::setDefault(Ui::AppSettings::startupLocale());
    translations.load(Ui::AppSettings::startupLocale());
    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);

    if (parser.isSet(u"lang"_s)) {
        const QLocale locale(parser.value(u"lang"_s));
        QLocale::setDefault(locale);
        if (!translations.load(locale))
            qWarning("rounds: no translation for the requested language; using English");
    }

    // The demo's account, checked before anything else happens.
    std::optional<Ui::DemoAccount> demo;
    if (parser.isSet(u"demo-account"_s)) {
        auto loaded = Ui::DemoAccount::load(parser.value(u"demo-account"_s));
        if (!loaded) {
            qCritical("rounds: %s", qPrintable(Ui::DemoAccount::describe(loaded.error())));
            return 2;
        }
        demo = std::move(*loaded);
    }

    // Before any window: a second start only wakes the first.
    Ui::SingleInstance instance(Ui::SingleInstance::defaultName());
    if (!parser.isSet(u"new-instance"_s)) {
        const auto outcome = instance.claim();
        if (!instance.notice().isEmpty())
            qWarning("rounds: %s", qPrintable(instance.notice()));
        if (outcome == Ui::SingleInstance::Outcome::AlreadyRunning) {
            qInfo("%s", qPrintable(QCoreApplication::translate(
                            "main", "Rounds is already running; its window was brought to "
                                    "the front.")));
            return 0;
        }
    }

    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(u"Fusion"_s); // follows the desktop's palette, light or dark

    // Declared before the engine so that it outlives the window using it.
    Ui::Session session;
    QQmlApplicationEngine engine;
    engine.setInitialProperties({
        {u"session"_s, QVariant::fromValue(&session)},
        {u"initialServerUrl"_s, parser.value(u"url"_s)},
        {u"initialAccountJid"_s, parser.value(u"jid"_s)},
        {u"initialCaFile"_s, parser.value(u"ca-file"_s)},
    });
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(u"qrc:/Rounds/Ui/Main.qml"_s));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return 1;
    Desktop::DesktopShell shell(window);
    if (demo) {
        if (auto *form = window->findChild<Ui::SignInForm *>(u"signInForm"_s))
            form->signInAsDemo(std::move(*demo));
        demo.reset();
    }
    QObject::connect(&instance, &Ui::SingleInstance::activationRequested, &shell,
                     &Desktop::DesktopShell::activateWindow);
    Desktop::BenchProbe::startIfRequested(session, *window); // rounds-bench only
    return QApplication::exec();
}
