// SPDX-License-Identifier: GPL-3.0-or-later
// rounds: the desktop app. Wires the Session to the QML window; the command line
// only prefills the sign-in form (there is deliberately no password option).
#include "AppSettings.h"
#include "BenchProbe.h"
// One instance per user: a second start brings the running window forward.
#include "DesktopShell.h"
#include "Session.h"
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
    QObject::connect(&instance, &Ui::SingleInstance::activationRequested, &shell,
                     &Desktop::DesktopShell::activateWindow);
    Desktop::BenchProbe::startIfRequested(session, *window); // rounds-bench only
    return QApplication::exec();
}
