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
        QStringLiteral("id"),        QStringLiteral("type"),  QStringLiteral("xmlns"),
        QStringLiteral("h"),         QStringLiteral("max"),   QStringLiteral("resume"),
        QStringLiteral("previd"),    QStringLiteral("version"), QStringLiteral("mechanism"),
        QStringLiteral("xml:lang"),  QStringLiteral("node"),  QStringLiteral("var"),
        QStringLiteral("category"),  QStringLiteral("by"),    QStringLiteral("queryid"),
    };
    return kept.contains(name.toString()) || name.startsWith(u"xmlns:");
}

// Rewrites XML-looking text: element names and kept attributes stay, everything
// else is replaced by a length marker. Works on fragments and broken input.
QString scrubXml(QStringView text)
{
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (text[i] != u'<') {
            qsizetype end = text.indexOf(u'<', i);
            if (end < 0)
                end = n;
            const QStringView content = text.mid(i, end - i);
            if (!content.trimmed().isEmpty())
                out += QStringLiteral("[%1 chars]").arg(content.size());
            i = end;
            continue;
        }
        qsizetype end = text.indexOf(u'>', i);
        if (end < 0)
            end = n - 1;
        const QStringView tag = text.mid(i, end - i + 1);
        static const QRegularExpression attr(
            QStringLiteral(R"re(([\w:.-]+)\s*=\s*(?:'([^']*)'|"([^"]*)"))re"));
        qsizetype pos = 0;
        auto it = attr.globalMatch(tag);
        while (it.hasNext()) {
            const auto m = it.next();
            out += tag.mid(pos, m.capturedStart() - pos);
            const QString name = m.captured(1);
            const QString value = m.captured(2).isNull() ? m.captured(3) : m.captured(2);
            if (keepsAttributeValue(name))
                out += name + QStringLiteral("='") + value + u'\'';
            else
                out += name + QStringLiteral("='[redacted]'");
            pos = m.capturedEnd();
        }
        out += tag.mid(pos);
        i = end + 1;
    }
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
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context,
                              const QString &message) {
        static const char *const names[] = {"debug", "warning", "critical", "fatal", "info"};
        const int index = int(type) < 5 ? int(type) : 0;
        const QByteArray line =
            (QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + u' '
             + QString::fromLatin1(names[index]) + u' '
             + QString::fromLatin1(context.category ? context.category : "default")
             + QStringLiteral(": ") + scrubLogText(message) + u'\n')
                .toUtf8();
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
    });
}

} // namespace Core
