// SPDX-License-Identifier: GPL-3.0-or-later
// Care-team rooms and files as the window's models show them, against the real
// test Prosody: a room appears in the conversation list before its first
// message, a message written in it goes through Account::sendToRoom and names
// its sender on the other side; a file sent from the conversation arrives with
// its name and size, is saved decrypted from the at-rest copy, and an image
// gets a preview.
#include "AttachmentImage.h"
#include "ConversationListModel.h"
#include "ConversationModel.h"
#include "Session.h"
#include "SignInForm.h"

#include "account/Account.h"

#include "ServerEnv.h"
#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QImage>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Ui::ConversationListModel;
using Ui::ConversationModel;

class tst_RoomsAndFilesLive : public QObject
{
    Q_OBJECT
    ServerEnv m_env;
    QTemporaryDir m_config;
    QTemporaryDir m_dir;
    Ui::Session m_a; // erin
    Ui::Session m_b; // frank
    Ui::SignInForm m_formA;
    Ui::SignInForm m_formB;

    static QString tag() { return QString::number(QRandomGenerator::global()->generate(), 16); }

    bool signIn(Ui::Session &session, Ui::SignInForm &form, const QString &jid)
    {
        form.setSession(&session);
        form.setServerUrl(m_env.url.toString());
        form.setAccountJid(jid);
        form.setCaFile(m_env.caFile);
        form.setDataDir(m_dir.filePath(jid));
        form.setPassphraseNeeded(true);
        form.setFastKdfForTests(true);
        form.signIn(m_env.password(jid), u"live passphrase"_s);
        if (!QTest::qWaitFor([&] { return !form.isBusy(); }, 60000) || !session.isSignedIn()) {
            qWarning("sign-in failed: %s", qPrintable(form.errorText()));
            return false;
        }
        return QTest::qWaitFor([&] { return session.status() == Ui::Session::Status::Online; },
                               30000);
    }

    static int rowWhere(const QAbstractItemModel &model, int role, const QVariant &value)
    {
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.index(row, 0).data(role) == value)
                return row;
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QString error;
        m_env = ServerEnv::load(&error);
        QVERIFY2(m_env.isValid(), qPrintable(error));
        QVERIFY(m_env.accounts.size() > 5);
        QVERIFY(signIn(m_a, m_formA, m_env.account(4)));
        QVERIFY(signIn(m_b, m_formB, m_env.account(5)));
    }

    void roomMessagesNameTheirSender()
    {
        ConversationListModel listA;
        QAbstractItemModelTester listTester(&listA,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        listA.setSession(&m_a);

        auto created =
            m_a.account()->createCareTeamRoom(u"ui-room-"_s + tag(), {Core::Jid(m_env.account(5))});
        QVERIFY(TestSupport::waitFor(created, std::chrono::seconds(30)));
        QVERIFY2(created.result(),
                 qPrintable(created.result() ? QString() : created.result().error().detail));
        const QString room = created.result()->bareString();
        auto joined = m_b.account()->joinRoom(Core::Jid(room));
        QVERIFY(TestSupport::waitFor(joined, std::chrono::seconds(30)));
        QVERIFY2(joined.result(),
                 qPrintable(joined.result() ? QString() : joined.result().error().detail));

        // In the list before anything was said in it, marked as a room.
        listA.refresh();
        QTRY_VERIFY(listA.indexOf(room) >= 0);
        QCOMPARE(listA.index(listA.indexOf(room)).data(ConversationListModel::RoomRole).toBool(),
                 true);

        ConversationModel a, b;
        QAbstractItemModelTester testerA(&a,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester testerB(&b,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
        a.setSession(&m_a);
        b.setSession(&m_b);
        a.setPeer(room);
        b.setPeer(room);
        QVERIFY(a.isRoom());
        QVERIFY(b.isRoom());

        const QString body = u"room from the window "_s + tag();
        QVERIFY(a.send(body));
        QTRY_VERIFY_WITH_TIMEOUT(rowWhere(b, ConversationModel::BodyRole, body) >= 0, 30000);
        const int row = rowWhere(b, ConversationModel::BodyRole, body);
        QCOMPARE(b.index(row).data(ConversationModel::SenderNameRole).toString(), m_env.account(4));
        QCOMPARE(b.index(row).data(ConversationModel::OutgoingRole).toBool(), false);
        QCOMPARE(b.index(row).data(ConversationModel::ProtectionRole).toString(), u"encrypted"_s);
        // Ours, reflected by the room: delivered, not stored twice.
        QTRY_COMPARE_WITH_TIMEOUT(a.index(rowWhere(a, ConversationModel::BodyRole, body))
                                      .data(ConversationModel::DeliveryRole)
                                      .toString(),
                                  u"delivered"_s, 30000);
        QCOMPARE(a.rowCount(), 1);
    }

    void fileArrivesSavesAndPreviews()
    {
        // A small image made here.
        QImage picture(64, 48, QImage::Format_RGB32);
        picture.fill(QColor(0x20, 0x60, 0xa0));
        for (int x = 0; x < 64; ++x)
            picture.setPixel(x, x % 48, qRgb(255, 255, 255));
        const QString path = m_dir.filePath(u"wound-photo.png"_s);
        QVERIFY(picture.save(path));
        QFile original(path);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray bytes = original.readAll();

        ConversationModel a, b;
        QAbstractItemModelTester testerA(&a,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester testerB(&b,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
        a.setSession(&m_a);
        b.setSession(&m_b);
        a.setPeer(m_env.account(5));
        b.setPeer(m_env.account(4));
        QTRY_VERIFY(!a.isLoading());
        QTRY_VERIFY(!b.isLoading());
        const int before = b.rowCount();

        QSignalSpy progress(&a, &QAbstractItemModel::dataChanged);
        QVERIFY(a.sendFile(QUrl::fromLocalFile(path)));
        QTRY_VERIFY_WITH_TIMEOUT(
            rowWhere(a, ConversationModel::AttachmentNameRole, u"wound-photo.png"_s) >= 0, 10000);
        const int sentRow =
            rowWhere(a, ConversationModel::AttachmentNameRole, u"wound-photo.png"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            a.index(sentRow).data(ConversationModel::DeliveryRole).toString() != u"pending"_s,
            30000);
        QVERIFY2(a.errorText().isEmpty(), qPrintable(a.errorText()));

        // Frank's side: the file, fetched and stored encrypted at rest.
        QTRY_VERIFY_WITH_TIMEOUT(b.rowCount() > before, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            rowWhere(b, ConversationModel::AttachmentStateRole, u"stored"_s) >= 0, 30000);
        const int row = rowWhere(b, ConversationModel::AttachmentStateRole, u"stored"_s);
        const QModelIndex at = b.index(row);
        // The link carries no file name (the server must not learn it): a
        // random one with the type's extension.
        QVERIFY(at.data(ConversationModel::AttachmentNameRole).toString().endsWith(u".png"_s));
        QCOMPARE(at.data(ConversationModel::AttachmentSizeRole).toLongLong(), bytes.size());
        QCOMPARE(at.data(ConversationModel::AttachmentMimeRole).toString(), u"image/png"_s);
        QVERIFY(at.data(ConversationModel::BodyRole).toString().isEmpty()); // no link as text
        const QString messageId = at.data(ConversationModel::MessageIdRole).toString();

        // Save: decrypted from the at-rest copy, byte for byte.
        QSignalSpy saved(&b, &ConversationModel::attachmentSaved);
        const QString out = m_dir.filePath(u"saved.png"_s);
        b.saveAttachment(messageId, QUrl::fromLocalFile(out));
        QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty() || !b.errorText().isEmpty(), 10000);
        QVERIFY2(b.errorText().isEmpty(), qPrintable(b.errorText()));
        QCOMPARE(saved.first().at(1).toString(), out);
        QFile copy(out);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), bytes);

        // The preview, decrypted in memory.
        Ui::AttachmentImage preview;
        preview.setMaximumSize(32);
        preview.setSession(&m_b);
        preview.setMessageId(messageId);
        preview.setFileState(u"stored"_s);
        QTRY_VERIFY(preview.isAvailable());
        QCOMPARE(preview.implicitWidth(), 32.0); // scaled to fit
        QCOMPARE(preview.implicitHeight(), 24.0);
        preview.setMessageId(QString());
        QVERIFY(!preview.isAvailable());
    }

    void cleanupTestCase()
    {
        m_a.signOut();
        m_b.signOut();
    }
};

QTEST_MAIN(tst_RoomsAndFilesLive)
#include "tst_RoomsAndFilesLive.moc"
