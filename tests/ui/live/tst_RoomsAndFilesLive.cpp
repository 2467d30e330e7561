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
#include "RoomMembersModel.h"
#include "RoomReadersModel.h"
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
using Ui::RoomMembersModel;
using Ui::RoomReadersModel;

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
        // Frank has the room open in front of him: Erin learns he saw it.
        b.setActive(true);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto reads = m_a.account()->roomReadState(
                    Core::Jid(room), a.index(rowWhere(a, ConversationModel::BodyRole, body))
                                         .data(ConversationModel::MessageIdRole)
                                         .toString());
                if (!TestSupport::waitFor(reads, std::chrono::seconds(5)) || !reads.result())
                    return false;
                return std::any_of(reads.result()->cbegin(), reads.result()->cend(),
                                   [&](const Store::RoomRead &r) {
                                       return r.member == m_env.account(5) && r.at.isValid();
                                   });
            }(),
            30000);
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

    void roomMembersAreManagedByOwnerAndTeamLeads()
    {
        // erin (owner) and frank; account 6 (no other test here uses it) is
        // added, frank made team lead, and a plain member is refused.
        auto created = m_a.account()->createCareTeamRoom(u"ui-members-"_s + tag(),
                                                         {Core::Jid(m_env.account(5))});
        QVERIFY(TestSupport::waitFor(created, std::chrono::seconds(30)));
        QVERIFY2(created.result(),
                 qPrintable(created.result() ? QString() : created.result().error().detail));
        const QString room = created.result()->bareString();
        auto joined = m_b.account()->joinRoom(Core::Jid(room));
        QVERIFY(TestSupport::waitFor(joined, std::chrono::seconds(30)));
        QVERIFY(joined.result());
        const QString erin = m_env.account(4), frank = m_env.account(5), third = m_env.account(6);

        RoomMembersModel owner;
        QAbstractItemModelTester ownerTester(
            &owner, QAbstractItemModelTester::FailureReportingMode::QtTest);
        owner.setSession(&m_a);
        owner.setRoom(room);
        QTRY_VERIFY_WITH_TIMEOUT(!owner.isBusy() && owner.rowCount() == 2, 20000);
        QVERIFY2(owner.errorText().isEmpty(), qPrintable(owner.errorText()));
        QVERIFY(owner.canManage());
        QVERIFY(owner.canAppointLeads());
        QCOMPARE(owner.othersCount(), 1);
        const auto field = [](const RoomMembersModel &model, const QString &jid, int role) {
            const int row = model.rowOf(jid);
            return row < 0 ? QVariant() : model.index(row).data(role);
        };
        QCOMPARE(owner.rowOf(erin), 0); // the owner first
        QCOMPARE(field(owner, erin, RoomMembersModel::RoleRole).toString(), u"owner"_s);
        QCOMPARE(field(owner, erin, RoomMembersModel::SelfRole).toBool(), true);
        QCOMPARE(field(owner, erin, RoomMembersModel::ManageableRole).toBool(), false);
        QCOMPARE(field(owner, frank, RoomMembersModel::RoleRole).toString(), u"member"_s);
        QCOMPARE(field(owner, frank, RoomMembersModel::NameRole).toString(),
                 m_a.displayName(frank));
        QCOMPARE(field(owner, frank, RoomMembersModel::ManageableRole).toBool(), true);
        QVERIFY(!field(owner, frank, RoomMembersModel::RoleTextRole).toString().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(field(owner, frank, RoomMembersModel::PresentRole).toBool(),
                                 20000);

        // Account 6 signs in and is added.
        Ui::Session c;
        Ui::SignInForm formC;
        QVERIFY(signIn(c, formC, third));
        QVERIFY(owner.addMember(third));
        QVERIFY(owner.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!owner.isBusy() && owner.rowOf(third) >= 0, 20000);
        QVERIFY2(owner.errorText().isEmpty(), qPrintable(owner.errorText()));
        QCOMPARE(field(owner, third, RoomMembersModel::RoleRole).toString(), u"member"_s);
        QCOMPARE(owner.othersCount(), 2);
        // Its client enters on the invitation, or here when that was faster
        // than its first presence (the room lets it in either way).
        const auto enter = [&c, &room] {
            auto entered = c.account()->joinRoom(Core::Jid(room));
            return TestSupport::waitFor(entered, std::chrono::seconds(30)) && entered.result();
        };
        QVERIFY(enter());

        // Not an address: said at once, nothing sent.
        QVERIFY(!owner.addMember(u"not an address"_s));
        QVERIFY(!owner.errorText().isEmpty());

        // frank becomes team lead.
        owner.setTeamLead(frank, true);
        QTRY_VERIFY_WITH_TIMEOUT(!owner.isBusy() &&
                                     field(owner, frank, RoomMembersModel::RoleRole).toString() ==
                                         u"teamLead"_s,
                                 20000);
        QVERIFY2(owner.errorText().isEmpty(), qPrintable(owner.errorText()));
        QCOMPARE(owner.rowOf(frank), 1); // owner, team leads, members

        // The team lead manages members but appoints no leads.
        RoomMembersModel lead;
        QAbstractItemModelTester leadTester(&lead,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        lead.setSession(&m_b);
        lead.setRoom(room);
        QTRY_VERIFY_WITH_TIMEOUT(!lead.isBusy() && lead.rowCount() == 3 && lead.canManage(), 20000);
        QVERIFY(!lead.canAppointLeads());
        QCOMPARE(field(lead, erin, RoomMembersModel::ManageableRole).toBool(), false);
        QCOMPARE(field(lead, third, RoomMembersModel::ManageableRole).toBool(), true);
        QSignalSpy left(c.account(), &Account::Account::roomLeft);
        lead.removeMember(third);
        QTRY_VERIFY_WITH_TIMEOUT(!lead.isBusy() && lead.rowOf(third) < 0, 20000);
        QVERIFY2(lead.errorText().isEmpty(), qPrintable(lead.errorText()));
        QVERIFY(left.size() > 0 || left.wait(20000));
        // The owner's panel follows the room.
        QTRY_VERIFY_WITH_TIMEOUT(owner.rowOf(third) < 0, 20000);
        QVERIFY(lead.addMember(third));
        QTRY_VERIFY_WITH_TIMEOUT(!lead.isBusy() && lead.rowOf(third) >= 0, 20000);
        QVERIFY2(lead.errorText().isEmpty(), qPrintable(lead.errorText()));
        QVERIFY(enter());

        // A plain member may not: the room refuses, the panel says why.
        RoomMembersModel member;
        QAbstractItemModelTester memberTester(
            &member, QAbstractItemModelTester::FailureReportingMode::QtTest);
        member.setSession(&c);
        member.setRoom(room);
        QTRY_VERIFY_WITH_TIMEOUT(!member.isBusy() && member.rowCount() == 3, 20000);
        QVERIFY(!member.canManage());
        QCOMPARE(field(member, frank, RoomMembersModel::ManageableRole).toBool(), false);
        member.removeMember(frank);
        QTRY_VERIFY_WITH_TIMEOUT(!member.isBusy() && !member.errorText().isEmpty(), 20000);
        QCOMPARE(member.errorText(),
                 RoomMembersModel::tr("Only the room's owner or a team lead can change its "
                                      "members."));
        QCOMPARE(field(member, frank, RoomMembersModel::RoleRole).toString(), u"teamLead"_s);

        // Unmaking the team lead.
        owner.setTeamLead(frank, false);
        QTRY_VERIFY_WITH_TIMEOUT(!owner.isBusy() &&
                                     field(owner, frank, RoomMembersModel::RoleRole).toString() ==
                                         u"member"_s,
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!lead.canManage(), 20000);

        // Who read what: frank displays erin's message; erin sees "1 of 2".
        ConversationModel a;
        a.setSession(&m_a);
        a.setPeer(room);
        QTRY_VERIFY(!a.isLoading());
        const QString body = u"seen by whom "_s + tag();
        QVERIFY(a.send(body));
        QTRY_VERIFY_WITH_TIMEOUT(rowWhere(a, ConversationModel::BodyRole, body) >= 0, 10000);
        const QModelIndex sent = a.index(rowWhere(a, ConversationModel::BodyRole, body));
        QTRY_COMPARE_WITH_TIMEOUT(sent.data(ConversationModel::DeliveryRole).toString(),
                                  u"delivered"_s, 30000);
        const QString id = sent.data(ConversationModel::MessageIdRole).toString();

        RoomReadersModel readers; // with the open room's members
        QAbstractItemModelTester readersTester(
            &readers, QAbstractItemModelTester::FailureReportingMode::QtTest);
        readers.setSession(&m_a);
        readers.setMembers(&owner);
        readers.setRoom(room);
        readers.setMessageId(id);
        RoomReadersModel alone; // asks the room itself
        QAbstractItemModelTester aloneTester(
            &alone, QAbstractItemModelTester::FailureReportingMode::QtTest);
        alone.setSession(&m_a);
        alone.setRoom(room);
        alone.setMessageId(id);
        QTRY_VERIFY(!readers.isLoading() && !alone.isLoading());
        QTRY_COMPARE_WITH_TIMEOUT(alone.memberCount(), 2, 20000);
        QCOMPARE(readers.readCount(), 0);
        QCOMPARE(readers.memberCount(), 2);
        QCOMPARE(readers.summary(), RoomReadersModel::tr("Seen by %1 of %2").arg(0).arg(2));

        QSignalSpy inserted(&readers, &QAbstractItemModel::rowsInserted);
        m_b.account()->markRoomDisplayed(Core::Jid(room), id);
        QTRY_COMPARE_WITH_TIMEOUT(readers.readCount(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(alone.readCount(), 1, 20000);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(readers.summary(), RoomReadersModel::tr("Seen by %1 of %2").arg(1).arg(2));
        QCOMPARE(readers.rowCount(), 1);
        QCOMPARE(readers.index(0).data(RoomReadersModel::JidRole).toString(), frank);
        QCOMPARE(readers.index(0).data(RoomReadersModel::NameRole).toString(),
                 m_a.displayName(frank));
        const QDateTime at = readers.index(0).data(RoomReadersModel::TimeRole).toDateTime();
        QVERIFY(at.isValid());
        QVERIFY(qAbs(at.secsTo(QDateTime::currentDateTime())) < 120);

        // A model opened later reads the same from the store.
        RoomReadersModel later;
        later.setSession(&m_a);
        later.setRoom(room);
        later.setMessageId(id);
        QTRY_COMPARE_WITH_TIMEOUT(later.readCount(), 1, 10000);

        c.signOut();
    }

    void cleanupTestCase()
    {
        m_a.signOut();
        m_b.signOut();
    }
};

QTEST_MAIN(tst_RoomsAndFilesLive)
#include "tst_RoomsAndFilesLive.moc"
