// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Error.h"
#include "core/ErrorText.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using Core::Error;

namespace {

// Every code, in declaration order. Cancelled is the last enumerator; a new code
// added after it must be added here (the count check below catches a gap).
QList<Error::Code> allCodes()
{
    QList<Error::Code> codes;
    for (int i = 0; i <= int(Error::Code::Cancelled); ++i)
        codes.append(Error::Code(i));
    return codes;
}

// An out-of-range value, which reaches the fallback branches.
constexpr auto kUnknownCode = Error::Code(1000);

} // namespace

class TestErrorText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codeCount();
    void everyCodeHasDistinctText();
    void everyCodeHasDistinctName();
    void knownNames();
    void textIgnoresDetail();
    void failCarriesCodeAndDetail();
};

void TestErrorText::codeCount()
{
    QCOMPARE(allCodes().size(), 12);
    QCOMPARE(allCodes().front(), Error::Code::Network);
}

void TestErrorText::everyCodeHasDistinctText()
{
    const QString fallback = Core::describeError(Error{kUnknownCode, {}});
    QVERIFY(!fallback.isEmpty());
    QSet<QString> seen;
    for (const Error::Code code : allCodes()) {
        const QString text = Core::describeError(Error{code, {}});
        const QByteArray name = Core::errorCodeName(code).toUtf8();
        QVERIFY2(!text.trimmed().isEmpty(), name.constData());
        QVERIFY2(text != fallback, name.constData());
        QVERIFY2(!seen.contains(text), name.constData());
        seen.insert(text);
    }
    QCOMPARE(seen.size(), allCodes().size());
}

void TestErrorText::everyCodeHasDistinctName()
{
    const QString fallback = Core::errorCodeName(kUnknownCode);
    QCOMPARE(fallback, u"unknown"_s);
    QSet<QString> seen;
    for (const Error::Code code : allCodes()) {
        const QString name = Core::errorCodeName(code);
        QVERIFY2(!name.isEmpty(), qPrintable(QString::number(int(code))));
        QVERIFY2(name != fallback, qPrintable(QString::number(int(code))));
        QVERIFY2(!seen.contains(name), qPrintable(name));
        // Stable log/JSON names: lower case words joined by '-'.
        for (const QChar c : name)
            QVERIFY2(c.isLower() || c == u'-', qPrintable(name));
        seen.insert(name);
    }
    QCOMPARE(seen.size(), allCodes().size());
}

void TestErrorText::knownNames()
{
    QCOMPARE(Core::errorCodeName(Error::Code::Tls), u"tls"_s);
    QCOMPARE(Core::errorCodeName(Error::Code::Auth), u"auth"_s);
    QCOMPARE(Core::errorCodeName(Error::Code::NoMechanism), u"no-mechanism"_s);
    QCOMPARE(Core::errorCodeName(Error::Code::AccountDisabled), u"account-disabled"_s);
}

void TestErrorText::textIgnoresDetail()
{
    // The detail is for logs and must not leak into what the user sees.
    const QString text = Core::describeError(Error{Error::Code::Auth, u"SCRAM: secret-detail"_s});
    QCOMPARE(text, Core::describeError(Error{Error::Code::Auth, {}}));
    QVERIFY(!text.contains(u"secret-detail"));
}

void TestErrorText::failCarriesCodeAndDetail()
{
    const Core::Result<int> result = Core::fail(Error::Code::Policy, u"ws-remote"_s);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, Error::Code::Policy);
    QCOMPARE(result.error().detail, u"ws-remote"_s);
    QVERIFY(result.error() == (Error{Error::Code::Policy, u"ws-remote"_s}));
    QVERIFY(!(result.error() == (Error{Error::Code::Policy, u"other"_s})));
    QVERIFY(!(result.error() == (Error{Error::Code::Auth, u"ws-remote"_s})));
}

QTEST_GUILESS_MAIN(TestErrorText)
#include "tst_ErrorText.moc"
