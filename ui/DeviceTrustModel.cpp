// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeviceTrustModel.h"

#include "QrCodeItem.h"
#include "Session.h"

#include "account/Account.h"

#include "core/ErrorText.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

using DeviceList = Core::Result<QList<Sync::OmemoDevice>>;

} // namespace

DeviceTrustModel::DeviceTrustModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

DeviceTrustModel::~DeviceTrustModel() = default;

void DeviceTrustModel::setSession(Session *session)
{
    if (followSession(this, m_session, session, &DeviceTrustModel::followSessionAccount))
        Q_EMIT sessionChanged();
}

void DeviceTrustModel::followSessionAccount()
{
    Account::Account *account = m_session ? m_session->account() : nullptr;
    if (account == m_account && account)
        return;
    if (m_account && m_account->omemo())
        disconnect(m_account->omemo(), nullptr, this, nullptr);
    if (m_account)
        disconnect(&m_account->client(), nullptr, this, nullptr);
    m_account = account;
    if (account)
        connect(&account->client(), &Xmpp::Client::sessionStarted, this,
                &DeviceTrustModel::refresh);
    if (account && account->omemo()) {
        // A trust change made elsewhere (another panel, rounds-cli in this
        // process) shows here too.
        connect(account->omemo(), &Sync::OmemoService::trustChanged, this,
                [this](const QString &jid, quint32 deviceId, Crypto::Trust trust) {
                    for (int row = 0; row < m_devices.size(); ++row) {
                        Sync::OmemoDevice &d = m_devices[row];
                        if (d.jid == jid && d.deviceId == deviceId && d.trust != trust) {
                            d.trust = trust;
                            Q_EMIT dataChanged(index(row), index(row), {TrustRole, TrustTextRole});
                            Q_EMIT devicesChanged();
                        }
                    }
                });
    }
    refresh();
}

void DeviceTrustModel::setJid(const QString &jid)
{
    const QString bare = jid.isEmpty() ? QString() : Core::Jid(jid).bareString();
    if (bare == m_jid)
        return;
    m_jid = bare;
    Q_EMIT jidChanged();
    refresh();
}

void DeviceTrustModel::refresh()
{
    const quint64 generation = ++m_generation;
    if (!m_devices.isEmpty()) {
        beginResetModel();
        m_devices.clear();
        m_qr.clear();
        endResetModel();
        Q_EMIT devicesChanged();
    }
    setErrorText({});
    Sync::OmemoService *omemo = m_account ? m_account->omemo() : nullptr;
    if (!omemo || !omemo->isReady()) {
        setLoading(false);
        return;
    }
    // Device lists are fetched fresh from the server; offline that would only
    // wait for timeouts. Fetched when the session starts (see followSessionAccount).
    if (!m_account->client().isConnected()) {
        setLoading(false);
        setErrorText(tr("Devices and fingerprints come from the server: they are shown once "
                        "Rounds is online."));
        return;
    }
    setLoading(true);
    const Core::Jid self = m_account->settings().jid.bare();
    const QString contact = m_jid;
    omemo->devices(self).then(this, [this, generation, omemo, contact, self](DeviceList ours) {
        if (generation != m_generation)
            return;
        const auto finish = [this, generation](DeviceList theirs, DeviceList mine) {
            if (generation != m_generation)
                return;
            setLoading(false);
            if (!theirs || !mine) {
                setErrorText(Core::describeError(!theirs ? theirs.error() : mine.error()));
                return;
            }
            QList<Sync::OmemoDevice> devices = *theirs;
            // This device first among ours, then the others by id.
            QList<Sync::OmemoDevice> own = *mine;
            std::stable_sort(own.begin(), own.end(),
                             [](const auto &a, const auto &b) { return a.own && !b.own; });
            devices += own;
            QList<QImage> codes;
            for (const Sync::OmemoDevice &d : std::as_const(devices))
                codes.append(d.qrPayload.isEmpty() ? QImage()
                                                   : QrCodeItem::imageFor(d.qrPayload.toUtf8()));
            beginResetModel();
            m_devices = std::move(devices);
            m_qr = std::move(codes);
            endResetModel();
            Q_EMIT devicesChanged();
        };
        if (contact.isEmpty() || Core::Jid(contact) == self) {
            finish(QList<Sync::OmemoDevice>{}, std::move(ours));
            return;
        }
        omemo->devices(Core::Jid(contact)).then(this, [finish, ours](DeviceList theirs) {
            finish(std::move(theirs), ours);
        });
    });
}

void DeviceTrustModel::verify(int row)
{
    setTrust(row, Crypto::Trust::Verified);
}

void DeviceTrustModel::distrust(int row)
{
    setTrust(row, Crypto::Trust::Distrusted);
}

void DeviceTrustModel::resetTrust(int row)
{
    setTrust(row, Crypto::Trust::BlindTrusted);
}

QString DeviceTrustModel::verifyScanned(const QString &payload)
{
    // xmpp:<jid>?omemo-sid-<device id>=<fingerprint hex> (OmemoEngine::fingerprintUri)
    const QString code = payload.trimmed();
    const qsizetype query = code.indexOf(u'?');
    const qsizetype equals = code.indexOf(u'=', query);
    const QString sidTag = QStringLiteral("omemo-sid-");
    if (!code.startsWith(u"xmpp:", Qt::CaseInsensitive) || query < 0 || equals < 0 ||
        code.mid(query + 1, sidTag.size()).compare(sidTag, Qt::CaseInsensitive) != 0)
        return tr("This is not a Rounds or OMEMO fingerprint code. Scan the code shown in the "
                  "other device's security details.");
    const QString jid = QUrl::fromPercentEncoding(code.mid(5, query - 5).toUtf8());
    bool numeric = false;
    const quint32 deviceId =
        code.mid(query + 1 + sidTag.size(), equals - query - 1 - sidTag.size()).toUInt(&numeric);
    const QString hex = code.mid(equals + 1).toLower();
    if (!numeric)
        return tr("This is not a Rounds or OMEMO fingerprint code. Scan the code shown in the "
                  "other device's security details.");
    for (int row = 0; row < m_devices.size(); ++row) {
        const Sync::OmemoDevice &d = m_devices.at(row);
        if (d.deviceId != deviceId || Core::Jid(d.jid).bareString() != Core::Jid(jid).bareString())
            continue;
        if (d.own)
            return tr("This is the code of this computer.");
        if (d.qrPayload.isEmpty())
            return tr("The fingerprint of that device is not known yet: it arrives with the "
                      "first encrypted message. Try again after writing to them.");
        const QString expected = d.qrPayload.mid(d.qrPayload.indexOf(u'=') + 1).toLower();
        if (expected != hex)
            return tr("The fingerprints do NOT match: this device may not be who it claims. Do "
                      "not verify it; tell IT.");
        verify(row);
        return {};
    }
    return tr("No device in this list has that code. Check that it comes from this contact "
              "(or one of your own devices) and refresh the list.");
}

void DeviceTrustModel::setTrust(int row, Crypto::Trust trust)
{
    if (row < 0 || row >= m_devices.size() || !m_account || !m_account->omemo())
        return;
    const Sync::OmemoDevice device = m_devices.at(row);
    if (device.own)
        return; // this device's own key needs no verdict
    setErrorText({});
    const quint64 generation = m_generation;
    m_account->omemo()
        ->setTrust(Core::Jid(device.jid), device.deviceId, trust)
        .then(this, [this, generation, device, trust](Core::Result<void> done) {
            if (!done) {
                setErrorText(Core::describeError(done.error()));
                return;
            }
            if (generation != m_generation)
                return;
            for (int r = 0; r < m_devices.size(); ++r) {
                Sync::OmemoDevice &d = m_devices[r];
                if (d.jid != device.jid || d.deviceId != device.deviceId)
                    continue;
                if (d.trust != trust) {
                    d.trust = trust;
                    Q_EMIT dataChanged(index(r), index(r), {TrustRole, TrustTextRole});
                    Q_EMIT devicesChanged();
                }
                Q_EMIT trustChanged(r);
            }
        });
}

bool DeviceTrustModel::hasUnverified() const
{
    return std::any_of(m_devices.cbegin(), m_devices.cend(), [this](const Sync::OmemoDevice &d) {
        return d.jid == m_jid && d.active && d.trust != Crypto::Trust::Verified;
    });
}

bool DeviceTrustModel::contactHasDevices() const
{
    return std::any_of(m_devices.cbegin(), m_devices.cend(),
                       [this](const Sync::OmemoDevice &d) { return d.jid == m_jid && d.active; });
}

void DeviceTrustModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void DeviceTrustModel::setErrorText(const QString &text)
{
    if (text == m_errorText)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

int DeviceTrustModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_devices.size());
}

QVariant DeviceTrustModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Sync::OmemoDevice &d = m_devices.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case FingerprintRole:
        return d.fingerprint;
    case JidRole:
        return d.jid;
    case DeviceIdRole:
        return qint64(d.deviceId);
    case ThisDeviceRole:
        return d.own;
    case OwnAccountRole:
        return m_account && d.jid == m_account->settings().jid.bareString();
    case VersionsRole:
        if (d.v2 && d.legacy)
            return tr("OMEMO 2 and OMEMO (legacy)");
        if (d.v2)
            return tr("OMEMO 2");
        if (d.legacy)
            return tr("OMEMO (legacy)");
        return d.own ? tr("This device") : tr("No longer listed");
    case TrustRole:
        return Crypto::trustName(d.trust);
    case TrustTextRole:
        if (d.own)
            return tr("This device");
        switch (d.trust) {
        case Crypto::Trust::Verified:
            return tr("Verified");
        case Crypto::Trust::BlindTrusted:
            return tr("Not verified (trusted until you verify a device)");
        case Crypto::Trust::Undecided:
            return tr("Not verified: new device, not used until you decide");
        case Crypto::Trust::Distrusted:
            return tr("Distrusted: never used");
        }
        return {};
    case ActiveRole:
        return d.active;
    case QrRole:
        return m_qr.value(index.row());
    case QrPayloadRole:
        return d.qrPayload;
    default:
        return {};
    }
}

QHash<int, QByteArray> DeviceTrustModel::roleNames() const
{
    return {{JidRole, "jid"},
            {DeviceIdRole, "deviceId"},
            {ThisDeviceRole, "thisDevice"},
            {OwnAccountRole, "ownAccount"},
            {VersionsRole, "versions"},
            {FingerprintRole, "fingerprint"},
            {TrustRole, "trust"},
            {TrustTextRole, "trustText"},
            {ActiveRole, "active"},
            {QrRole, "qr"},
            {QrPayloadRole, "qrPayload"}};
}

} // namespace Ui
