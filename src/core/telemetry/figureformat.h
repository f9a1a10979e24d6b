#pragma once

#include <QLocale>
#include <QString>

namespace spoon {

// The one way the console prints a figure, so that an alert, the rules table and the card a
// figure comes from print it alike: the same unit, the same precision.
enum class FigureUnit
{
    Percent, // already in per cent (CPU, share of physical memory): the Process cards
    Share,   // a fraction, shown in per cent (error rate, share of the memory limit)
    Seconds, // ms below 1 s, else s with 2 decimals: the LLM tab
    Bytes,   // IEC units with 1 decimal: the Memory card
};

QString figureText(double value, FigureUnit unit, const QLocale &locale);

// A threshold as it was set, in the unit: with every decimal it has (0.05 %, not 0.1 %).
QString thresholdText(double threshold, FigureUnit unit, const QLocale &locale);

// A value beside its threshold: in the threshold's scale, at the card's precision or the
// threshold's, whichever is finer, and finer still while the two would read equal, so
// 0.0501 over 0.05 reads "0.0501 %", never "0.05 %" (or "0.1 %" over "0.1 %").
QString figureBeside(double value, double threshold, FigureUnit unit, const QLocale &locale);

// A size in MiB whatever its magnitude, for figures set or logged in MiB: a limit
// ("64 MiB", format 'g') or the memory cleanup's RSS ("57.3 MiB", format 'f' with 1 decimal).
QString mebibyteText(double bytes, const QLocale &locale, char format = 'f', int precision = 1);

// Per cent at a fixed number of decimals ("12.5 %"), for a figure that keeps its precision
// at every magnitude (a cache's hit rate). `percent` is already in per cent.
QString percentText(double percent, int decimals, const QLocale &locale);

// The fewest decimals, at most 6, that print `value` as it is: 0.05 needs 2, 80 none.
int exactDecimals(double value);

} // namespace spoon
