// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/LogScrubber.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>

#include <cstdio>

namespace Core {

namespace {

bool keepsAttributeValue(QStringView name)
{
    static const QSet<QString> kept = {
        QStringLiteral("id"),       QStringLiteral("type"),    QStringLiteral("xmlns"),
        QStringLiteral("h"),        QStringLiteral("max"),     QStringLiteral("resume"),
        QStringLiteral("previd"),   QStringLiteral("version"), QStringLiteral("mechanism"),
        QStringLiteral("xml:lang"), QStringLiteral("node"),    QStringLiteral("var"),
        QStringLiteral("category"), QStringLiteral("by"),      QStringLiteral("queryid"),
    };
    return kept.contains(name.toString()) || name.startsWith(u"xmlns:");
}

// Rewrites XML-looking text: element names and kept attributes stay, everything
// else is replaced by a length marker. Works on fragments and broken input: a
// '<' that does not open a well-formed tag is character data, so free text such
// as "a < b, Jane Doe" cannot pass as a tag. Comments and CDATA sections are
// blanked like other character data.
QString scrubXml(QStringView text)
{
    // Start, end or empty-element tag. XML forbids '<' in attribute values.
    static const QRegularExpression tagPattern(QStringLiteral(
        R"re(<(/?)([A-Za-z_:][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:'[^'<]*'|"[^"<]*"))*)\s*(/?)>)re"));
    static const QRegularExpression attrPattern(
        QStringLiteral(R"re(([\w:.-]+)\s*=\s*(?:'([^']*)'|"([^"]*)"))re"));
    static const QRegularExpression piPattern(QStringLiteral(R"re(<\?([\w:.-]+)[^<>]*\?>)re"));

    QString out;
    out.reserve(text.size());
    qsizetype contentLength = 0;
    bool contentVisible = false;
    const auto addContent = [&](QStringView content) {
        contentLength += content.size();
        contentVisible = contentVisible || !content.trimmed().isEmpty();
    };
    const auto flushContent = [&] {
        if (contentVisible)
            out += QStringLiteral("[%1 chars]").arg(contentLength);
        contentLength = 0;
        contentVisible = false;
    };

    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (text[i] != u'<') {
            qsizetype end = text.indexOf(u'<', i);
            if (end < 0)
                end = n;
            addContent(text.mid(i, end - i));
            i = end;
            continue;
        }
        const QStringView rest = text.mid(i);
        if (rest.startsWith(u"<!--")) {
            const qsizetype end = text.indexOf(u"-->", i + 4);
            flushContent();
            out += QStringLiteral("<!--[comment]-->");
            i = end < 0 ? n : end + 3;
            continue;
        }
        if (rest.startsWith(u"<![CDATA[")) {
            const qsizetype begin = i + 9;
            const qsizetype end = text.indexOf(u"]]>", begin);
            addContent(text.mid(begin, (end < 0 ? n : end) - begin));
            i = end < 0 ? n : end + 3;
            continue;
        }
        const auto pi = piPattern.match(text, i, QRegularExpression::NormalMatch,
                                        QRegularExpression::AnchorAtOffsetMatchOption);
        if (pi.hasMatch()) {
            flushContent();
            out += u"<?" + pi.captured(1) + u"?>";
            i = pi.capturedEnd();
            continue;
        }
        const auto tag = tagPattern.match(text, i, QRegularExpression::NormalMatch,
                                          QRegularExpression::AnchorAtOffsetMatchOption);
        if (!tag.hasMatch()) {
            addContent(text.mid(i, 1)); // a stray '<' is text
            ++i;
            continue;
        }
        flushContent();
        out += u'<' + tag.captured(1) + tag.captured(2);
        auto it = attrPattern.globalMatch(tag.capturedView(3));
        while (it.hasNext()) {
            const auto m = it.next();
            const QString name = m.captured(1);
            out += u' ' + name + QStringLiteral("='");
            if (keepsAttributeValue(name))
                out += m.captured(2).isNull() ? m.captured(3) : m.captured(2);
            else
                out += QStringLiteral("[redacted]");
            out += u'\'';
        }
        out += tag.captured(4) + u'>';
        i = tag.capturedEnd();
    }
    flushContent();
    return out;
}

} // namespace

QString scrubLogText(QStringView text)
{
    QString out = text.contains(u'<') ? scrubXml(text) : text.toString();
    // Phone numbers, SSNs, MRNs: seven or more digits, possibly with separators.
    static const QRegularExpression digits(QStringLiteral(R"(\+?\d[\d\s().-]{5,}\d)"));
    out.replace(digits, QStringLiteral("[number]"));
    return out;
}

void installScrubbingLogHandler()
{
    qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            static const char *const names[] = {"debug", "warning", "critical", "fatal", "info"};
            const int index = int(type) < 5 ? int(type) : 0;
            const QByteArray line =
                (QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + u' ' +
                 QString::fromLatin1(names[index]) + u' ' +
                 QString::fromLatin1(context.category ? context.category : "default") +
                 QStringLiteral(": ") + scrubLogText(message) + u'\n')
                    .toUtf8();
            std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
            std::fflush(stderr);
        });
}

} // namespace Core
