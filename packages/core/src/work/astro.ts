/**
 * @module work/astro
 * The two astronomical facts a Vietnamese lunar calendar needs: when each new moon falls and
 * where the Sun stands on the ecliptic. Formulas from J. Meeus, *Astronomical Algorithms*
 * (2nd ed., 1998): new moons from ch. 49 (error under a minute), the Sun's apparent longitude
 * from ch. 25's low-accuracy series (about 0.01°, a quarter of an hour of the Sun's motion), and
 * ΔT (TT − UT) from the Espenak–Meeus polynomials (NASA, 2006).
 */

const RAD = Math.PI / 180;
const SYNODIC_MONTH = 29.530588861;
/** Julian Ephemeris Day of new moon k = 0 (2000-01-06). */
const NEW_MOON_0 = 2451550.09766;

/** Periodic terms of the new moon (Meeus table 49.A): coefficient, power of E, multiples of M, M′, F, Ω. */
const NEW_MOON_TERMS: readonly (readonly [number, number, number, number, number, number])[] = [
  [-0.4072, 0, 0, 1, 0, 0], [0.17241, 1, 1, 0, 0, 0], [0.01608, 0, 0, 2, 0, 0], [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0], [-0.00514, 1, 1, 1, 0, 0], [0.00208, 2, 2, 0, 0, 0], [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0], [0.00056, 1, 1, 2, 0, 0], [-0.00042, 0, 0, 3, 0, 0], [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0], [-0.00024, 1, -1, 2, 0, 0], [-0.00017, 0, 0, 0, 0, 1], [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0], [0.00004, 0, 3, 0, 0, 0], [0.00003, 0, 1, 1, -2, 0], [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0], [0.00003, 0, -1, 1, 2, 0], [-0.00002, 0, -1, 1, -2, 0], [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

/** Planetary arguments A1…A14 (Meeus ch. 49): constant, rate per lunation, amplitude in days. */
const PLANETARY_TERMS: readonly (readonly [number, number, number])[] = [
  [299.77, 0.107408, 0.000325], [251.88, 0.016321, 0.000165], [251.83, 26.651886, 0.000164],
  [349.42, 36.412478, 0.000126], [84.66, 18.206239, 0.00011], [141.74, 53.303771, 0.000062],
  [207.14, 2.453732, 0.00006], [154.84, 7.30686, 0.000056], [34.52, 27.261239, 0.000047],
  [207.19, 0.121824, 0.000042], [291.34, 1.844379, 0.00004], [161.72, 24.198154, 0.000037],
  [239.56, 25.513099, 0.000035], [331.55, 3.592518, 0.000023],
];

/** Julian Ephemeris Day (TT) of the k-th true new moon counted from 2000-01-06 (k may be negative). */
export function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const [t2, t3, t4] = [t * t, t * t * t, t * t * t * t];
  const mean = NEW_MOON_0 + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  const m = (2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3) * RAD;
  const mp = (201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4) * RAD;
  const f = (160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4) * RAD;
  const om = (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3) * RAD;
  let sum = 0;
  for (const [c, ePow, a, b, cF, cO] of NEW_MOON_TERMS) sum += c * e ** ePow * Math.sin(a * m + b * mp + cF * f + cO * om);
  sum += PLANETARY_TERMS.reduce((s, [a0, rate, amp], i) => s + amp * Math.sin((a0 + rate * k - (i === 0 ? 0.009173 * t2 : 0)) * RAD), 0);
  return mean + sum;
}

/** The Sun's apparent ecliptic longitude in degrees [0, 360) at a Julian Ephemeris Day. */
export function sunLongitude(jde: number): number {
  const t = (jde - 2451545) / 36525;
  const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const m = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * RAD;
  const c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m) + (0.019993 - 0.000101 * t) * Math.sin(2 * m) + 0.000289 * Math.sin(3 * m);
  const omega = (125.04 - 1934.136 * t) * RAD;
  const apparent = l0 + c - 0.00569 - 0.00478 * Math.sin(omega);
  return ((apparent % 360) + 360) % 360;
}

/** ΔT = TT − UT in seconds for a decimal year, 1900–2150 (Espenak–Meeus polynomials). */
export function deltaT(year: number): number {
  if (year < 1920) return poly(year - 1900, [-2.79, 1.494119, -0.0598939, 0.0061966, -0.000197]);
  if (year < 1941) return poly(year - 1920, [21.2, 0.84493, -0.0761, 0.0020936]);
  if (year < 1961) return poly(year - 1950, [29.07, 0.407, -1 / 233, 1 / 2547]);
  if (year < 1986) return poly(year - 1975, [45.45, 1.067, -1 / 260, -1 / 718]);
  if (year < 2005) return poly(year - 2000, [63.86, 0.3345, -0.060374, 0.0017275, 0.000651814, 0.00002373599]);
  if (year < 2050) return poly(year - 2000, [62.92, 0.32217, 0.005589]);
  const u = (year - 1820) / 100;
  return -20 + 32 * u * u - 0.5628 * (2150 - year);
}

function poly(t: number, coefficients: readonly number[]): number {
  return coefficients.reduceRight((acc, c) => acc * t + c, 0);
}
