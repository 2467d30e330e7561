// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/DataForm.h"

#include "xmpp/Namespaces.h"

using namespace Qt::StringLiterals;

namespace Xmpp {

namespace {

Core::Result<DataFormField> parseField(const Element &e)
{
    DataFormField field;
    field.var = e.attribute(u"var");
    field.type = e.attribute(u"type");
    field.label = e.attribute(u"label");
    field.required = e.hasChild(u"required", Ns::DataForms);
    for (const Element &child : e.children()) {
        if (child.xmlns() != Ns::DataForms)
            continue;
        if (child.name() == u"value")
            field.values << child.text();
        else if (child.name() == u"option")
            field.options.append({child.attribute(u"label"), child.childText(u"value")});
    }
    if (field.var.isEmpty() && field.type != u"fixed")
        return Core::fail(Core::Error::Code::Stanza, u"data-form: field without var"_s);
    if (!field.type.isEmpty() && !field.type.endsWith(u"-multi") && field.values.size() > 1)
        return Core::fail(Core::Error::Code::Stanza,
                          u"data-form: several values in a single field "_s + field.var);
    return field;
}

Element fieldElement(const DataFormField &field, bool withValues)
{
    Element e(u"field"_s, Ns::DataForms.toString());
    if (!field.var.isEmpty())
        e.setAttribute(u"var"_s, field.var);
    if (!field.type.isEmpty())
        e.setAttribute(u"type"_s, field.type);
    if (!field.label.isEmpty())
        e.setAttribute(u"label"_s, field.label);
    if (field.required)
        e.appendChild(Element(u"required"_s, Ns::DataForms.toString()));
    if (withValues)
        for (const QString &v : field.values)
            e.appendChild(Element(u"value"_s, Ns::DataForms.toString()).setText(v));
    for (const DataFormField::Option &o : field.options) {
        Element option(u"option"_s, Ns::DataForms.toString());
        if (!o.label.isEmpty())
            option.setAttribute(u"label"_s, o.label);
        option.appendChild(Element(u"value"_s, Ns::DataForms.toString()).setText(o.value));
        e.appendChild(option);
    }
    return e;
}

} // namespace

QString DataForm::typeName(Type type)
{
    switch (type) {
    case Type::Form:
        return u"form"_s;
    case Type::Submit:
        return u"submit"_s;
    case Type::Cancel:
        return u"cancel"_s;
    case Type::Result:
        return u"result"_s;
    }
    return u"form"_s;
}

Core::Result<DataForm> DataForm::fromElement(const Element &x)
{
    if (!x.is(u"x", Ns::DataForms))
        return Core::fail(Core::Error::Code::Stanza, u"data-form: not a data form"_s);
    DataForm form;
    const QString type = x.attribute(u"type");
    if (type == u"form")
        form.m_type = Type::Form;
    else if (type == u"submit")
        form.m_type = Type::Submit;
    else if (type == u"cancel")
        form.m_type = Type::Cancel;
    else if (type == u"result")
        form.m_type = Type::Result;
    else
        return Core::fail(Core::Error::Code::Stanza, u"data-form: unknown type"_s);
    for (const Element &child : x.children()) {
        if (child.xmlns() != Ns::DataForms)
            continue;
        const QString &name = child.name();
        if (name == u"title") {
            form.m_title = child.text();
        } else if (name == u"instructions") {
            form.m_instructions << child.text();
        } else if (name == u"field") {
            auto field = parseField(child);
            if (!field)
                return std::unexpected(field.error());
            form.m_fields.append(*field);
        } else if (name == u"reported") {
            for (const Element &f : child.childrenNamed(u"field", Ns::DataForms)) {
                auto field = parseField(f);
                if (!field)
                    return std::unexpected(field.error());
                form.m_reported.append(*field);
            }
        } else if (name == u"item") {
            Row row;
            for (const Element &f : child.childrenNamed(u"field", Ns::DataForms)) {
                auto field = parseField(f);
                if (!field)
                    return std::unexpected(field.error());
                row.append(*field);
            }
            form.m_items.append(row);
        }
    }
    if (!form.m_items.isEmpty() && form.m_reported.isEmpty())
        return Core::fail(Core::Error::Code::Stanza, u"data-form: items without reported"_s);
    return form;
}

Element DataForm::toElement() const
{
    Element x(u"x"_s, Ns::DataForms.toString());
    x.setAttribute(u"type"_s, typeName(m_type));
    if (!m_title.isEmpty())
        x.appendChild(Element(u"title"_s, Ns::DataForms.toString()).setText(m_title));
    for (const QString &text : m_instructions)
        x.appendChild(Element(u"instructions"_s, Ns::DataForms.toString()).setText(text));
    for (const Field &field : m_fields)
        x.appendChild(fieldElement(field, true));
    if (!m_reported.isEmpty()) {
        Element reported(u"reported"_s, Ns::DataForms.toString());
        for (const Field &column : m_reported)
            reported.appendChild(fieldElement(column, false));
        x.appendChild(reported);
    }
    for (const Row &row : m_items) {
        Element item(u"item"_s, Ns::DataForms.toString());
        for (const Field &cellField : row)
            item.appendChild(fieldElement(cellField, true));
        x.appendChild(item);
    }
    return x;
}

const DataFormField *DataForm::field(QStringView var) const
{
    for (const Field &f : m_fields)
        if (f.var == var)
            return &f;
    return nullptr;
}

QString DataForm::value(QStringView var) const
{
    const Field *f = field(var);
    return f ? f->value() : QString();
}

QStringList DataForm::values(QStringView var) const
{
    const Field *f = field(var);
    return f ? f->values : QStringList();
}

void DataForm::setValues(const QString &var, const QStringList &values, const QString &type)
{
    for (Field &f : m_fields) {
        if (f.var == var) {
            f.values = values;
            return;
        }
    }
    Field f;
    f.var = var;
    f.type = type;
    f.values = values;
    m_fields.append(f);
}

QString DataForm::cell(const Row &row, QStringView var)
{
    for (const Field &f : row)
        if (f.var == var)
            return f.value();
    return {};
}

DataForm DataForm::submission() const
{
    DataForm out(Type::Submit);
    for (const Field &f : m_fields) {
        if (f.var.isEmpty() || f.type == u"fixed")
            continue;
        Field submitted;
        submitted.var = f.var;
        if (f.type == u"hidden")
            submitted.type = f.type;
        submitted.values = f.values;
        out.m_fields.append(submitted);
    }
    return out;
}

} // namespace Xmpp
