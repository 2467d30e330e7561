// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/MinimumNecessaryPolicy.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace FrontDesk {

QByteArray clinicalTermsData(); // generated from data/clinical_terms.txt

namespace {

const QRegularExpression &ssnPattern()
{
    // 123-45-6789 / 123 45 6789 (not a 3-3-4 phone number), or a labelled number.
    static const QRegularExpression re(
        uR"((?<!\d)\d{3}[- ]\d{2}[- ]\d{4}(?!\d)|\b(?:ssn|social security|seguro social)\b)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &labelledMrn()
{
    static const QRegularExpression re(
        uR"(\b(?:mrn|nhc|medical record|expediente|historia cl[ií]nica)\b\s*(?:no\.?|n[º°o]\.?|number|n[uú]mero)?\s*[:#]?\s*[a-z]{0,3}\d{3,})"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

const QRegularExpression &birthWords()
{
    static const QRegularExpression re(
        uR"(\b(?:dob|d\.o\.b|date of birth|birth ?date|born|birthday|fecha de nacimiento|nacid[oa]|f\. ?nac)\b)"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

const QRegularExpression &fullDates()
{
    // 1980-03-14, 14/03/1980, 03.14.1980: a year with day and month.
    static const QRegularExpression re(
        uR"((?<!\d)(?:(\d{4})-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](\d{4}))(?!\d))"_s);
    return re;
}

const QRegularExpression &termPattern()
{
    static const QRegularExpression re = [] {
        QStringList escaped;
        for (const QString &term : MinimumNecessaryPolicy::clinicalTerms())
            escaped << QRegularExpression::escape(term).replace(u"\\ "_s, u"\\s+"_s);
        return QRegularExpression(u"(?<![\\w])(?:"_s + escaped.join(u'|') + u")(?![\\w])"_s,
                                  QRegularExpression::UseUnicodePropertiesOption);
    }();
    return re;
}

} // namespace

QString findingName(Finding finding)
{
    switch (finding) {
    case Finding::Ssn:
        return u"ssn"_s;
    case Finding::Mrn:
        return u"mrn"_s;
    case Finding::DateOfBirth:
        return u"date-of-birth"_s;
    case Finding::ClinicalTerm:
        return u"clinical-term"_s;
    case Finding::FullName:
        return u"full-name"_s;
    }
    return {};
}

MinimumNecessaryPolicy::MinimumNecessaryPolicy(MinimumNecessaryRules rules)
    : m_rules(std::move(rules))
{
}

QString MinimumNecessaryPolicy::normalise(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing)
            out += c.toLower();
    return out;
}

const QStringList &MinimumNecessaryPolicy::clinicalTerms()
{
    static const QStringList terms = [] {
        QStringList out;
        const QString data = QString::fromUtf8(clinicalTermsData());
        for (const QString &line : data.split(u'\n')) {
            const QString term = normalise(line.trimmed()).simplified();
            if (!term.isEmpty() && !term.startsWith(u'#'))
                out << term;
        }
        out.removeDuplicates();
        // Longest first, so a phrase wins over a word inside it.
        std::sort(out.begin(), out.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
        return out;
    }();
    return terms;
}

QList<Finding> MinimumNecessaryPolicy::check(const CheckSubject &subject) const
{
    QList<Finding> found;
    const QString &text = subject.text;
    const bool sms = subject.channel == Channel::SmsGateway;

    if (ssnPattern().match(text).hasMatch())
        found << Finding::Ssn;

    bool mrn = labelledMrn().match(text).hasMatch();
    if (!mrn && !m_rules.mrnPattern.isEmpty()) {
        const QRegularExpression custom(m_rules.mrnPattern,
                                        QRegularExpression::CaseInsensitiveOption);
        mrn = custom.isValid() && custom.match(text).hasMatch();
    }
    if (mrn)
        found << Finding::Mrn;

    bool birth = birthWords().match(text).hasMatch();
    const QDate today = subject.today.isValid() ? subject.today : QDate::currentDate();
    for (auto it = fullDates().globalMatch(text); !birth && it.hasNext();) {
        const auto m = it.next();
        const int year = (m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)).toInt();
        // No reminder is about a day two or more years back: a birth date.
        birth = year > 0 && year <= today.year() - 2;
    }
    if (birth)
        found << Finding::DateOfBirth;

    if (sms && termPattern().match(normalise(text)).hasMatch())
        found << Finding::ClinicalTerm;

    const QString last = subject.lastName.trimmed();
    if (!last.isEmpty() && (sms || m_rules.firstNamesOnly)) {
        const QRegularExpression name(
            u"(?<![\\w])"_s + QRegularExpression::escape(normalise(last)) + u"(?![\\w])"_s,
            QRegularExpression::UseUnicodePropertiesOption);
        if (name.match(normalise(text)).hasMatch())
            found << Finding::FullName;
    }
    return found;
}

bool MinimumNecessaryPolicy::mayOverride(const QList<Finding> &findings) const
{
    return m_rules.allowOverride && !findings.contains(Finding::Ssn);
}

} // namespace FrontDesk
