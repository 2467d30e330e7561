// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "frontdesk/Endpoint.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace FrontDesk {

/// What the minimum-necessary check found in a reminder (docs/frontdesk.md).
enum class Finding { Ssn, Mrn, DateOfBirth, ClinicalTerm, FullName };
/// "ssn", "mrn", "date-of-birth", "clinical-term", "full-name".
QString findingName(Finding finding);

/// Organisation rules for the check (the reminder service's config).
struct MinimumNecessaryRules
{
    /// The organisation's medical record number form (a regular expression,
    /// matched case-insensitively), besides the labelled "MRN 12345" forms.
    QString mrnPattern;
    /// Patients are addressed by first name only: a last name in the text is
    /// flagged (on SMS gateway endpoints it always is).
    bool firstNamesOnly = true;
    /// A staff member may override findings (never an SSN); the override is
    /// audited. Off by default.
    bool allowOverride = false;
};

/// One reminder to check.
struct CheckSubject
{
    QString text;
    Channel channel = Channel::Xmpp;
    QString lastName; ///< of the patient, when known
    QDate today;      ///< dates two or more years back are taken for a birth date
};

/// Pure decision functions of the minimum-necessary rule: before a reminder
/// goes out, flag content beyond what a reminder needs. Stricter for SMS
/// gateway endpoints (which leave end-to-end encryption): diagnosis and
/// medication terms and last names are flagged there whatever the policy.
class MinimumNecessaryPolicy
{
public:
    explicit MinimumNecessaryPolicy(MinimumNecessaryRules rules = {});

    const MinimumNecessaryRules &rules() const { return m_rules; }
    /// Findings in order of kind, each kind once.
    QList<Finding> check(const CheckSubject &subject) const;
    /// Whether findings may be sent with an explicit override.
    bool mayOverride(const QList<Finding> &findings) const;
    /// The compiled-in term list (data/clinical_terms.txt), normalised.
    static const QStringList &clinicalTerms();
    /// Lower case without accents, for matching ("Diagnóstico" -> "diagnostico").
    static QString normalise(const QString &text);

private:
    MinimumNecessaryRules m_rules;
};

} // namespace FrontDesk
