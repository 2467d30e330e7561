// SPDX-License-Identifier: GPL-3.0-or-later
// XEP-0363 on a fake transport: service discovery with its size limit, slots,
// header filtering, refusals.
#include "xmpp/extensions/HttpUploadExtension.h"

#include "ClientHarness.h"
#include "TestSupport.h"

#include "xmpp/XmlStreamParser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Xmpp::Element;
using Xmpp::HttpUploadExtension;

namespace {

Element parse(const QString &xml)
{
    Xmpp::XmlStreamParser parser;
    const auto parsed = parser.feed(xml);
    return parsed && parsed->size() == 1 ? parsed->first() : Element();
}

const QString Items = u"<iq type='result' id='%1' from='example.org'>"
                      u"<query xmlns='http://jabber.org/protocol/disco#items'>"
                      u"<item jid='conference.example.org'/><item jid='upload.example.org'/>"
                      u"</query></iq>"_s;

const QString ConferenceInfo = u"<iq type='result' id='%1' from='conference.example.org'>"
                               u"<query xmlns='http://jabber.org/protocol/disco#info'>"
                               u"<identity category='conference' type='text'/>"
                               u"<feature var='http://jabber.org/protocol/muc'/></query></iq>"_s;

// As ejabberd answers: one form per upload namespace version.
const QString UploadInfo =
    u"<iq type='result' id='%1' from='upload.example.org'>"
    u"<query xmlns='http://jabber.org/protocol/disco#info'>"
    u"<identity category='store' type='file'/>"
    u"<feature var='urn:xmpp:http:upload'/><feature var='urn:xmpp:http:upload:0'/>"
    u"<x xmlns='jabber:x:data' type='result'>"
    u"<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:http:upload</value></field>"
    u"<field var='max-file-size'><value>999</value></field></x>"
    u"<x xmlns='jabber:x:data' type='result'>"
    u"<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:http:upload:0</value></field>"
    u"<field var='max-file-size'><value>1000</value></field></x>"
    u"</query></iq>"_s;

const QString SlotResult = u"<iq type='result' id='%1' from='upload.example.org'>"
                           u"<slot xmlns='urn:xmpp:http:upload:0'>"
                           u"<put url='https://up.example.org/p/abc/f.bin'>"
                           u"<header name='Authorization'>Bearer x\ny</header>"
                           u"<header name='Cookie'>c=1</header>"
                           u"<header name='Host'>evil.example</header>"
                           u"<header name='Expires'>Tue, 01 Jan 2030 00:00:00 GMT</header>"
                           u"</put><get url='https://up.example.org/g/abc/f.bin'/></slot></iq>"_s;

} // namespace

class tst_HttpUploadExtension : public QObject
{
    Q_OBJECT

    struct Setup
    {
        ClientHarness harness;
        HttpUploadExtension &upload = harness.client.addExtension<HttpUploadExtension>();

        bool login()
        {
            if (!harness.login())
                return false;
            harness.takeSentStanzas();
            return true;
        }
        bool sent(const QString &xml, QString *id)
        {
            const Element actual = harness.takeSent(u"iq");
            *id = actual.attribute(u"id");
            const Element expected = parse(QString(xml).replace(u"%id"_s, *id));
            if (actual.isNull() || expected.isNull() || !(actual == expected)) {
                qWarning("sent iq differs\n  actual:   %s\n  expected: %s",
                         qPrintable(actual.toXml()), qPrintable(expected.toXml()));
                return false;
            }
            return true;
        }
        /// Plays discovery with the given info answer for upload.example.org.
        bool discover(const QString &uploadInfo)
        {
            QString id;
            if (!sent(u"<iq type='get' to='example.org' id='%id'>"
                      u"<query xmlns='http://jabber.org/protocol/disco#items'/></iq>"_s,
                      &id))
                return false;
            harness.transport.inject(Items.arg(id));
            QString confId, uploadId;
            if (!sent(u"<iq type='get' to='conference.example.org' id='%id'>"
                      u"<query xmlns='http://jabber.org/protocol/disco#info'/></iq>"_s,
                      &confId) ||
                !sent(u"<iq type='get' to='upload.example.org' id='%id'>"
                      u"<query xmlns='http://jabber.org/protocol/disco#info'/></iq>"_s,
                      &uploadId))
                return false;
            // Answers in any order; the first upload service in item order wins.
            harness.transport.inject(uploadInfo.arg(uploadId));
            harness.transport.inject(ConferenceInfo.arg(confId));
            return true;
        }
    };

    template<typename T>
    static bool finished(const QFuture<T> &future)
    {
        return TestSupport::waitFor(future, std::chrono::seconds(2));
    }

private Q_SLOTS:
    void discoversServiceAndLimit()
    {
        Setup s;
        QVERIFY(s.login());
        auto found = s.upload.service();
        auto again = s.upload.service(); // joins the running discovery
        QVERIFY(s.discover(UploadInfo));
        QVERIFY(finished(found) && finished(again));
        QVERIFY(found.result());
        QCOMPARE(found.result()->jid.toString(), u"upload.example.org"_s);
        QCOMPARE(found.result()->maxFileSize, 1000);
        QCOMPARE(again.result()->jid, found.result()->jid);
        // Cached for the session.
        auto cached = s.upload.service();
        QVERIFY(finished(cached));
        QVERIFY(cached.result());
        QVERIFY(s.harness.expectNothingSent());
    }

    void noServiceIsPolicyError()
    {
        Setup s;
        QVERIFY(s.login());
        auto found = s.upload.service();
        QVERIFY(s.discover(ConferenceInfo));
        QVERIFY(finished(found));
        QVERIFY(!found.result());
        QCOMPARE(found.result().error().code, Core::Error::Code::Policy);
        QCOMPARE(found.result().error().detail, u"upload-unavailable"_s);
    }

    void requestsSlotAndFiltersHeaders()
    {
        Setup s;
        QVERIFY(s.login());
        auto slot = s.upload.requestSlot(u"3f2a.bin"_s, 1000, u"application/octet-stream"_s);
        QVERIFY(s.discover(UploadInfo));
        QString id;
        QVERIFY(s.sent(u"<iq type='get' to='upload.example.org' id='%id'>"
                       u"<request xmlns='urn:xmpp:http:upload:0' filename='3f2a.bin' size='1000'"
                       u" content-type='application/octet-stream'/></iq>"_s,
                       &id));
        s.harness.transport.inject(SlotResult.arg(id));
        QVERIFY(finished(slot));
        QVERIFY(slot.result());
        const auto got = slot.result().value();
        QCOMPARE(got.putUrl.toString(), u"https://up.example.org/p/abc/f.bin"_s);
        QCOMPARE(got.getUrl.toString(), u"https://up.example.org/g/abc/f.bin"_s);
        const QList<std::pair<QString, QString>> headers{
            {u"Authorization"_s, u"Bearer xy"_s},
            {u"Cookie"_s, u"c=1"_s},
            {u"Expires"_s, u"Tue, 01 Jan 2030 00:00:00 GMT"_s}};
        QCOMPARE(got.putHeaders, headers);
    }

    void tooLargeIsRefusedBeforeAsking()
    {
        Setup s;
        QVERIFY(s.login());
        auto slot = s.upload.requestSlot(u"a.bin"_s, 1001, {});
        QVERIFY(s.discover(UploadInfo));
        QVERIFY(finished(slot));
        QVERIFY(!slot.result());
        QCOMPARE(slot.result().error().code, Core::Error::Code::Policy);
        QCOMPARE(slot.result().error().detail, u"upload-too-large"_s);
        QVERIFY(s.harness.expectNothingSent());
    }

    void serviceRefusalIsReported()
    {
        Setup s;
        QVERIFY(s.login());
        auto slot = s.upload.requestSlot(u"a.bin"_s, 10, {});
        QVERIFY(s.discover(UploadInfo));
        QString id;
        QVERIFY(s.sent(u"<iq type='get' to='upload.example.org' id='%id'>"
                       u"<request xmlns='urn:xmpp:http:upload:0' filename='a.bin' size='10'/>"
                       u"</iq>"_s,
                       &id));
        s.harness.transport.inject(
            u"<iq type='error' id='%1' from='upload.example.org'><error type='modify'>"
            u"<not-acceptable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
            u"<file-too-large xmlns='urn:xmpp:http:upload:0'><max-file-size>5</max-file-size>"
            u"</file-too-large></error></iq>"_s.arg(id));
        QVERIFY(finished(slot));
        QVERIFY(!slot.result());
        QCOMPARE(slot.result().error().detail, u"upload-refused: not-acceptable"_s);
    }

    void slotsWithoutHttpsAreRefused()
    {
        const auto plain = HttpUploadExtension::parseSlot(
            parse(u"<slot xmlns='urn:xmpp:http:upload:0'><put url='http://a.example/p'/>"
                  u"<get url='https://a.example/g'/></slot>"_s));
        QVERIFY(!plain);
        QCOMPARE(plain.error().detail, u"upload-bad-slot"_s);
        QVERIFY(!HttpUploadExtension::parseSlot(
            parse(u"<slot xmlns='urn:xmpp:http:upload:0'><put url='https://a.example/p'/>"
                  u"</slot>"_s)));
    }
};

QTEST_GUILESS_MAIN(tst_HttpUploadExtension)
#include "tst_HttpUploadExtension.moc"
