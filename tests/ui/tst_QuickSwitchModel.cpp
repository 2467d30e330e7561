// SPDX-License-Identifier: GPL-3.0-or-later
// The Ctrl+K quick switcher's model: conversations first, then contacts without
// one, filtered by name or address ignoring case and accents, word starts first.
#include "QuickSwitchModel.h"

#include <QAbstractItemModelTester>
#include <QStandardItemModel>
#include <QTest>

using namespace Qt::StringLiterals;
using Ui::QuickSwitchModel;

namespace {

constexpr int Jid = Qt::UserRole + 1, Name = Qt::UserRole + 2, Unread = Qt::UserRole + 3,
              Room = Qt::UserRole + 4;

void addConversation(QStandardItemModel &model, const QString &jid, const QString &name, int unread,
                     bool room = false)
{
    auto *item = new QStandardItem;
    item->setData(jid, Jid);
    item->setData(name, Name);
    item->setData(unread, Unread);
    item->setData(room, Room);
    model.appendRow(item);
}

void addContact(QStandardItemModel &model, const QString &jid, const QString &name)
{
    auto *item = new QStandardItem;
    item->setData(jid, Jid);
    item->setData(name, Name);
    model.appendRow(item);
}

} // namespace

class tst_QuickSwitchModel : public QObject
{
    Q_OBJECT

    QStandardItemModel m_conversations;
    QStandardItemModel m_contacts;

    static QStringList jids(const QuickSwitchModel &model)
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out << model.jidAt(row);
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_conversations.clear();
        m_contacts.clear();
        m_conversations.setItemRoleNames(
            {{Jid, "conversation"}, {Name, "name"}, {Unread, "unread"}, {Room, "room"}});
        m_contacts.setItemRoleNames({{Jid, "jid"}, {Name, "name"}});
        addConversation(m_conversations, u"ana@x"_s, u"Ana Ruiz"_s, 2);
        addConversation(m_conversations, u"4b@rooms.x"_s, u"Care team 4B"_s, 0, true);
        addContact(m_contacts, u"ana@x"_s, u"Ana Ruiz"_s);
        addContact(m_contacts, u"jose@x"_s, u"José Núñez"_s);
        addContact(m_contacts, u"ruth@x"_s, u"Ruth Cole"_s);
    }

    void listsConversationsThenContacts()
    {
        QuickSwitchModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversations(&m_conversations);
        model.setContacts(&m_contacts);
        QCOMPARE(jids(model), (QStringList{u"ana@x"_s, u"4b@rooms.x"_s, u"jose@x"_s, u"ruth@x"_s}));
        const auto kind = [&](int row) {
            return model.data(model.index(row), QuickSwitchModel::KindRole).toString();
        };
        QCOMPARE(kind(0), u"conversation"_s);
        QCOMPARE(kind(1), u"room"_s);
        QCOMPARE(kind(2), u"contact"_s);
        QCOMPARE(model.data(model.index(0), QuickSwitchModel::UnreadRole).toInt(), 2);
        QCOMPARE(model.data(model.index(2), QuickSwitchModel::NameRole).toString(),
                 u"José Núñez"_s);
        QCOMPARE(model.jidAt(-1), QString());
        QCOMPARE(model.jidAt(99), QString());
    }

    void filtersAsYouType()
    {
        QuickSwitchModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversations(&m_conversations);
        model.setContacts(&m_contacts);

        model.setFilter(u"jose"_s); // no accents needed
        QCOMPARE(jids(model), QStringList{u"jose@x"_s});
        model.setFilter(u"NUÑ"_s);
        QCOMPARE(jids(model), QStringList{u"jose@x"_s});
        // Both start a word with "ru": conversations keep coming first.
        model.setFilter(u"ru"_s);
        QCOMPARE(jids(model), (QStringList{u"ana@x"_s, u"ruth@x"_s}));
        // A word start ranks before a match inside a word or the address.
        model.setFilter(u"co"_s);
        QCOMPARE(jids(model), (QStringList{u"ruth@x"_s}));
        model.setFilter(u"oo"_s); // inside "rooms", the room's address
        QCOMPARE(jids(model), (QStringList{u"4b@rooms.x"_s}));
        model.setFilter(u"e"_s); // "Care", "Núñez" inside words; none starts one
        QCOMPARE(jids(model), (QStringList{u"4b@rooms.x"_s, u"jose@x"_s, u"ruth@x"_s}));
        model.setFilter(u"t"_s); // "team" starts a word; "Ruth" contains it
        QCOMPARE(jids(model), (QStringList{u"4b@rooms.x"_s, u"ruth@x"_s}));
        model.setFilter(u"zzz"_s);
        QCOMPARE(model.rowCount(), 0);
        model.setFilter(QString());
        QCOMPARE(model.rowCount(), 4);
    }

    void followsItsSources()
    {
        QuickSwitchModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversations(&m_conversations);
        model.setContacts(&m_contacts);
        model.setFilter(u"ruth"_s);
        QCOMPARE(jids(model), QStringList{u"ruth@x"_s});
        addConversation(m_conversations, u"ruth@x"_s, u"Ruth Cole"_s, 1);
        QCOMPARE(jids(model), QStringList{u"ruth@x"_s});
        QCOMPARE(model.data(model.index(0), QuickSwitchModel::KindRole).toString(),
                 u"conversation"_s);
        m_contacts.clear();
        m_conversations.removeRow(int(m_conversations.rowCount()) - 1);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_QuickSwitchModel)
#include "tst_QuickSwitchModel.moc"
