// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppSettings.h"

#include "Translations.h"

#include "account/Account.h"

#include <QCoreApplication>
#include <QQmlEngine>
#include <QSettings>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {
// QSettings key: the window's language ("" or absent: the system's).
constexpr QStringView LanguageKey = u"ui/language";
} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
{
}

AppSettings::~AppSettings() = default;

void AppSettings::setSession(Session *session)
{
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &Session::accountChanged, this, &AppSettings::accountChanged);
    Q_EMIT sessionChanged();
    Q_EMIT accountChanged();
}

QString AppSettings::accountJid() const
{
    return m_session ? m_session->accountJid() : QString();
}

QString AppSettings::serverUrl() const
{
    const Account::Account *account = m_session ? m_session->account() : nullptr;
    return account ? account->settings().serverUrl.toString() : QString();
}

QString AppSettings::caFile() const
{
    const Account::Account *account = m_session ? m_session->account() : nullptr;
    return account ? account->settings().caFile : QString();
}

QString AppSettings::pinnedSha256() const
{
    const Account::Account *account = m_session ? m_session->account() : nullptr;
    if (!account || account->settings().pinnedSha256.isEmpty())
        return {};
    const QByteArray pinned = account->settings().pinnedSha256;
    // Stored as hex text (Xmpp::TransportSettings); show it the viewers' way.
    const QByteArray raw = QByteArray::fromHex(pinned);
    return formatFingerprint(raw.size() == 32 ? raw : pinned);
}

QVariantList AppSettings::caCertificates() const
{
    QVariantList out;
    const QString path = caFile();
    if (path.isEmpty())
        return out;
    for (const QSslCertificate &certificate : QSslCertificate::fromPath(path, QSsl::Pem)) {
        QVariantMap entry;
        entry.insert(u"subject"_s,
                     certificate.subjectDisplayName().isEmpty()
                         ? certificate.subjectInfo(QSslCertificate::CommonName).join(u", "_s)
                         : certificate.subjectDisplayName());
        entry.insert(u"sha256"_s,
                     formatFingerprint(certificate.digest(QCryptographicHash::Sha256)));
        entry.insert(u"expires"_s, certificate.expiryDate().toLocalTime());
        out << entry;
    }
    return out;
}

QString AppSettings::formatFingerprint(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

QString AppSettings::storedLanguage()
{
    const QString stored = QSettings().value(LanguageKey.toString()).toString();
    return stored == u"en" || stored == u"es" ? stored : QString();
}

QLocale AppSettings::startupLocale()
{
    const QString stored = storedLanguage();
    return stored.isEmpty() ? QLocale::system() : QLocale(stored);
}

QString AppSettings::language() const
{
    return storedLanguage();
}

void AppSettings::setLanguage(const QString &language)
{
    const QString chosen = language == u"en" || language == u"es" ? language : QString();
    if (chosen == storedLanguage())
        return;
    QSettings settings;
    if (chosen.isEmpty())
        settings.remove(LanguageKey.toString());
    else
        settings.setValue(LanguageKey.toString(), chosen);
    // Live: a translator installed after the one main() loaded wins. It
    // belongs to the application, so it outlives the settings page.
    QCoreApplication *app = QCoreApplication::instance();
    auto *live = app->findChild<Translations *>(u"liveTranslations"_s, Qt::FindDirectChildrenOnly);
    if (!live) {
        live = new Translations(app);
        live->setObjectName(u"liveTranslations"_s);
    }
    live->load(chosen.isEmpty() ? QLocale::system() : QLocale(chosen));
    if (QQmlEngine *engine = qmlEngine(this))
        engine->retranslate();
    Q_EMIT languageChanged();
}

} // namespace Ui
