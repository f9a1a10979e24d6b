#include "figureformat.h"

#include <algorithm>
#include <cmath>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMostDecimals = 6;
constexpr double kMiB = 1024.0 * 1024.0;

struct Scale
{
    double factor;
    QString suffix;
};

Scale scaleOf(FigureUnit unit, double magnitude)
{
    switch (unit) {
    case FigureUnit::Percent:
        return {1.0, u" %"_s};
    case FigureUnit::Share:
        return {100.0, u" %"_s};
    case FigureUnit::Seconds:
        return std::abs(magnitude) < 1.0 ? Scale{1000.0, u" ms"_s} : Scale{1.0, u" s"_s};
    case FigureUnit::Bytes:
        break;
    }
    return {1.0, {}};
}

// The card's precision for a scaled figure.
int cardDecimals(FigureUnit unit, const Scale &scale, double scaled)
{
    if (unit == FigureUnit::Seconds)
        return scale.factor == 1.0 ? 2 : 0;
    return std::abs(scaled) < 10.0 ? 1 : 0;
}

double rounded(double value, int decimals)
{
    const double p = std::pow(10.0, decimals);
    return std::round(value * p) / p;
}

} // namespace

int exactDecimals(double value)
{
    for (int decimals = 0; decimals < kMostDecimals; ++decimals) {
        if (std::abs(rounded(value, decimals) - value) <= 1e-9 * std::max(1.0, std::abs(value)))
            return decimals;
    }
    return kMostDecimals;
}

QString figureText(double value, FigureUnit unit, const QLocale &locale)
{
    if (unit == FigureUnit::Bytes)
        return locale.formattedDataSize(qint64(value), 1, QLocale::DataSizeIecFormat);
    const Scale scale = scaleOf(unit, value);
    const double scaled = value * scale.factor;
    return locale.toString(scaled, 'f', cardDecimals(unit, scale, scaled)) + scale.suffix;
}

QString thresholdText(double threshold, FigureUnit unit, const QLocale &locale)
{
    if (unit == FigureUnit::Bytes)
        return figureText(threshold, unit, locale);
    const Scale scale = scaleOf(unit, threshold);
    const double scaled = threshold * scale.factor;
    return locale.toString(scaled, 'f', exactDecimals(scaled)) + scale.suffix;
}

QString figureBeside(double value, double threshold, FigureUnit unit, const QLocale &locale)
{
    if (unit == FigureUnit::Bytes)
        return figureText(value, unit, locale);
    const Scale scale = scaleOf(unit, threshold);
    const double scaled = value * scale.factor;
    const double limit = threshold * scale.factor;
    int decimals = std::max(cardDecimals(unit, scale, scaled), exactDecimals(limit));
    while (scaled != limit && decimals < kMostDecimals &&
           rounded(scaled, decimals) == rounded(limit, decimals))
        ++decimals;
    return locale.toString(scaled, 'f', decimals) + scale.suffix;
}

QString mebibyteText(double bytes, const QLocale &locale, char format, int precision)
{
    return locale.toString(bytes / kMiB, format, precision) + u" MiB"_s;
}

QString percentText(double percent, int decimals, const QLocale &locale)
{
    return locale.toString(percent, 'f', decimals) + u" %"_s;
}

} // namespace spoon
