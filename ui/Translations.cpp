// SPDX-License-Identifier: GPL-3.0-or-later
#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

using namespace Qt::StringLiterals;

namespace Ui {

Translations::Translations(QObject *parent)
    : QObject(parent)
{
}

Translations::~Translations()
{
    QCoreApplication::removeTranslator(&m_rounds);
    QCoreApplication::removeTranslator(&m_qt);
}

bool Translations::load(const QLocale &locale)
{
    QCoreApplication::removeTranslator(&m_rounds);
    QCoreApplication::removeTranslator(&m_qt);
    // Qt's own strings (standard dialogs, context menus) when the system has them.
    if (m_qt.load(locale, u"qt"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    if (!m_rounds.load(locale, u"rounds"_s, u"_"_s, u":/i18n"_s))
        return false;
    QCoreApplication::installTranslator(&m_rounds);
    return true;
}

} // namespace Ui
