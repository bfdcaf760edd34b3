/* map_project.c — the display projection of the map: Albers equal-area conic
 * on the WGS84 ellipsoid, standard parallels 25N and 47N, origin 0N 105E
 * (assets/map/SOURCES.md, "Context window"). Formulas: Snyder, "Map
 * Projections: A Working Manual" (USGS PP 1395, 1987), ch. 14, ellipsoid.
 */
#include "map_internal.h"

#include <math.h>

#define PI 3.14159265358979323846
#define DEG_TO_RAD (PI / 180.0)

/* WGS84 (source: assets/map/SOURCES.md: "WGS84 lon/lat"). */
#define WGS84_A 6378137.0
#define WGS84_INV_F 298.257223563

/* source: assets/map/SOURCES.md, step 3 (the display projection). */
#define ALBERS_LAT1_DEG 25.0
#define ALBERS_LAT2_DEG 47.0
#define ALBERS_LAT0_DEG 0.0
#define ALBERS_LON0_DEG 105.0

/* Snyder's m (eq. 14-15): the radius of the parallel at latitude phi divided
 * by a. */
static double snyder_m(const MapAlbers *al, double phi)
{
    double s = sin(phi);
    return cos(phi) / sqrt(1.0 - al->e2 * s * s);
}

/* Snyder's q (eq. 3-12), proportional to the area between the equator and
 * latitude phi. ln((1 - e sin)/(1 + e sin)) is written with log1p, which
 * keeps its precision for the small e of the Earth. */
static double snyder_q(const MapAlbers *al, double phi)
{
    double s = sin(phi);
    double es = al->e * s;
    double ln_ratio = log1p(-es) - log1p(es);
    return (1.0 - al->e2) * (s / (1.0 - es * es) - ln_ratio / (2.0 * al->e));
}

void map_albers_init(MapAlbers *al)
{
    double f = 1.0 / WGS84_INV_F;
    al->a = WGS84_A;
    al->e2 = f * (2.0 - f);
    al->e = sqrt(al->e2);
    al->lon0_deg = ALBERS_LON0_DEG;

    double phi1 = ALBERS_LAT1_DEG * DEG_TO_RAD, phi2 = ALBERS_LAT2_DEG * DEG_TO_RAD;
    double m1 = snyder_m(al, phi1), m2 = snyder_m(al, phi2);
    double q1 = snyder_q(al, phi1), q2 = snyder_q(al, phi2);
    double q0 = snyder_q(al, ALBERS_LAT0_DEG * DEG_TO_RAD);
    al->n = (m1 * m1 - m2 * m2) / (q2 - q1);        /* eq. 14-14 */
    al->c = m1 * m1 + al->n * q1;                   /* eq. 14-13 */
    al->rho0 = al->a * sqrt(al->c - al->n * q0) / al->n;   /* eq. 14-12a */
}

MapPoint map_albers_forward(const MapAlbers *al, double lon_deg, double lat_deg)
{
    /* Longitude from the central meridian, wrapped into [-180, 180]. */
    double dlon = lon_deg - al->lon0_deg;
    if (dlon > 180.0 || dlon < -180.0)
        dlon -= 360.0 * floor((dlon + 180.0) / 360.0);

    double q = snyder_q(al, lat_deg * DEG_TO_RAD);
    double under = al->c - al->n * q;
    double rho = al->a * sqrt(under > 0.0 ? under : 0.0) / al->n;   /* eq. 14-12 */
    double theta = al->n * dlon * DEG_TO_RAD;                       /* eq. 14-4 */
    return (MapPoint){ rho * sin(theta), al->rho0 - rho * cos(theta) };  /* eqs. 14-1, 14-2 */
}

MapPoint map_project(double lon_deg, double lat_deg)
{
    MapAlbers al;
    map_albers_init(&al);
    return map_albers_forward(&al, lon_deg, lat_deg);
}
