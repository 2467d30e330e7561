// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Session.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace Ui {

/// What the settings page shows and changes besides the org policy: the
/// account and its server trust (read-only: the CA file's certificates or the
/// pinned fingerprint) and the window's language (remembered in QSettings,
/// applied at once and at every start).
class AppSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString accountJid READ accountJid NOTIFY accountChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY accountChanged)
    Q_PROPERTY(QString caFile READ caFile NOTIFY accountChanged)
    /// Hex SHA-256 of the pinned server certificate (colon separated); empty: none.
    Q_PROPERTY(QString pinnedSha256 READ pinnedSha256 NOTIFY accountChanged)
    /// The CA file's certificates: "subject" and "sha256" per entry.
    Q_PROPERTY(QVariantList caCertificates READ caCertificates NOTIFY accountChanged)
    /// "" (follow the system), "en" or "es".
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
public:
    explicit AppSettings(QObject *parent = nullptr);
    ~AppSettings() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString accountJid() const;
    QString serverUrl() const;
    QString caFile() const;
    QString pinnedSha256() const;
    QVariantList caCertificates() const;
    QString language() const;
    void setLanguage(const QString &language);

    /// The remembered language ("" when the system's applies).
    static QString storedLanguage();
    /// The locale to start in: the remembered language, else the system's.
    static QLocale startupLocale();
    /// Colon-separated upper-case hex, as certificate viewers show it.
    static QString formatFingerprint(const QByteArray &digest);

Q_SIGNALS:
    void sessionChanged();
    void accountChanged();
    void languageChanged();

private:
    QPointer<Session> m_session;
};

} // namespace Ui
