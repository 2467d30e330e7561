// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Element.h"

#include "core/Error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Xmpp {

/// One field of a XEP-0004 data form (or one cell of a reported table).
struct DataFormField
{
    QString var;
    QString type; ///< "text-single", "jid-single", "boolean", "list-multi", ...; may be empty
    QString label;
    QStringList values;
    bool required = false;
    struct Option
    {
        QString label;
        QString value;
        bool operator==(const Option &) const = default;
    };
    QList<Option> options;

    QString value() const { return values.value(0); }
    /// XEP-0004 booleans: "1"/"true" are true.
    bool isTrue() const { return value() == u"1" || value() == u"true"; }
    bool operator==(const DataFormField &) const = default;
};

/// A XEP-0004 data form: fields, and for results a table (<reported/> columns
/// and one <item/> per row). Value type; parse with fromElement(), send with
/// toElement().
class DataForm
{
public:
    enum class Type { Form, Submit, Cancel, Result };
    using Field = DataFormField;
    /// One <item/> of a result table.
    using Row = QList<Field>;

    DataForm() = default;
    explicit DataForm(Type type)
        : m_type(type)
    {
    }

    /// Parses <x xmlns='jabber:x:data'>; Stanza "data-form: ..." when malformed.
    static Core::Result<DataForm> fromElement(const Element &x);
    Element toElement() const;

    Type type() const { return m_type; }
    void setType(Type type) { m_type = type; }
    QString title() const { return m_title; }
    void setTitle(const QString &title) { m_title = title; }
    QStringList instructions() const { return m_instructions; }
    void setInstructions(const QStringList &text) { m_instructions = text; }

    const QList<Field> &fields() const { return m_fields; }
    QList<Field> &fields() { return m_fields; }
    /// The field with that var, or nullptr.
    const Field *field(QStringView var) const;
    /// First value of the field (null when absent).
    QString value(QStringView var) const;
    QStringList values(QStringView var) const;
    /// Replaces (or adds) the field's values; `type` only applies to a new field.
    void setValues(const QString &var, const QStringList &values, const QString &type = {});
    void setValue(const QString &var, const QString &value, const QString &type = {})
    {
        setValues(var, {value}, type);
    }
    /// The hidden FORM_TYPE field's value.
    QString formType() const { return value(u"FORM_TYPE"); }

    const QList<Field> &reported() const { return m_reported; }
    void setReported(const QList<Field> &columns) { m_reported = columns; }
    const QList<Row> &items() const { return m_items; }
    void addItem(const Row &row) { m_items.append(row); }
    /// A row cell's first value (null when the row has no such field).
    static QString cell(const Row &row, QStringView var);

    /// A submit form answering this one: every field with a var, with its
    /// current values (fixed fields left out).
    DataForm submission() const;

    static QString typeName(Type type);

    bool operator==(const DataForm &) const = default;

private:
    Type m_type = Type::Form;
    QString m_title;
    QStringList m_instructions;
    QList<Field> m_fields;
    QList<Field> m_reported;
    QList<Row> m_items;
};

} // namespace Xmpp
