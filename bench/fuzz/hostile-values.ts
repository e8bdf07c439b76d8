import { SeededRandom } from '../support/seeded-random';

/** Names the graph knows, in the spellings users type: the valid half of every string argument. */
export const KNOWN_NAMES = [
  'CICA', 'AİGK', 'СВМДА', 'Kazakhstan', 'Kazakistan', "Kazakistan'ın", 'Казахстан', 'KAZ', 'Turkey', 'Türkiye',
  'Kasım Cömert Tokayev', 'Almaty Act', 'Kuwait', 'Astana', 'almaty-act', 'China', 'India', 'Israel', 'Thailand',
  "AİGK'nın", 'Nursultan Nazarbayev', 'Dushanbe', 'Russia', 'Iran', 'Azerbaijan',
];

/** Odd Unicode: right-to-left text, combining marks, lone surrogates, emoji, Turkish dotted/dotless i, Cyrillic look-alikes. */
export const ODD_UNICODE = [
  '\u202eACIC\u202c', '\u200f\u0643\u0627\u0632\u0627\u062e\u0633\u062a\u0627\u0646', 'Ka\u0301za\u0300khsta\u0302n', 'C\u0336I\u0336C\u0336A\u0336',
  'Z\u0351\u0357\u0346\u0365\u0364\u035b\u0334\u0358a\u0305\u0350\u0342\u0305l\u0309\u033dg\u0313o', '\ud800', '\udfff', 'a\ud800b', '\udc00\ud800',
  '😀', '🇰🇿', '👨‍👩‍👧‍👦', '😀😀 Kazakhstan😀', 'İ', 'ı', 'İSTANBUL', 'ıstanbul', 'KAZAKİSTAN', 'kazakıstan',
  'СICA', 'Кazakhstan', 'ＣＩＣＡ', 'ﬁ', 'ß', 'ǅ', '\u00a0CICA\u00a0', '\u2028', '\u2029', '\ufeffCICA', '\u200bC\u200bI\u200bC\u200bA',
  '\ufffd', '\uffff', '\u0000', 'CI\u0000CA', '\u0000\u0000\u0000', '\u0007\u0008\u001b[31m', '\r\n\r\nHTTP/1.1 200 OK',
  '𝕮𝕴𝕮𝕬', 'ㅤ', '\u0130\u0131\u0307', 'A\u030a', '\u00c5', 'ǆǇ', '\u{10ffff}', '\u{e0041}\u{e0042}',
];

/** Injection attempts at every layer the request goes through. */
export const INJECTIONS = [
  "' OR 1=1 //", '" OR 1=1 //', "') OR 1=1 //", '}) MATCH (n) DETACH DELETE n //', "'}) MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n //', "CICA' RETURN 1 UNION MATCH (n) RETURN n //", '$organization', '${organization}',
  'CALL db.labels()', 'CALL dbms.components() YIELD name', "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
  '`) RETURN 1 //', '\\u0027 OR 1=1', "1; MATCH (n) SET n.x = 1",
  '*~^"(', '*', '?', '~', '"', '(', ')', '[', ']', '{', '}', '^', ':', '\\', '/', '!', '&&', '||', 'AND', 'OR', 'NOT',
  'CICA~', 'CICA~0.1', 'C*A', '*:*', 'name:CICA', '"CICA" AND NOT "x"', 'CICA^100', '[a TO z]', '{a TO z}', '/.*/', '/[a-z]+/',
  '.*', '(a+)+$', '(x+x+)+y', '^(([a-z])+.)+[A-Z]([a-z])+$', '[', '\\', '(?=a)', '\\p{L}',
  '{"a":', '"]}', '\\"', '\\', '\\\\', '\\u0000', '}{', '[[[[', ']]]]', 'null', 'undefined', 'NaN', '__proto__', 'constructor',
  '{"__proto__":{"admin":true}}', 'prototype',
  '../../../../etc/passwd', '..\\..\\..\\windows\\win.ini', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/etc/passwd', 'file:///etc/passwd',
  '....//....//etc/passwd', '%00', '%c0%ae%c0%ae/', 'C:\\Windows\\System32',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "javascript:alert(1)", '{{7*7}}', '${7*7}', '<%= 7*7 %>',
  "'; DROP TABLE users; --", '1 UNION SELECT NULL--', '$where: 1', '{"$gt": ""}', 'a\r\nSet-Cookie: x=1',
  '%s%s%s%s%n', '%x%x%x', '\u0000\u0000MATCH (', 'AİGK\u0000 OR 1=1',
];

/** Dates and things that are almost dates. */
export const DATE_LIKE = [
  '2015-11-11', '1999-09-14', '2022-10-12', '1992-01-01', '2026-12-31', '2015-02-29', '2016-02-29', '2015-02-30', '2015-13-11', '2015-00-10',
  '0000-01-01', '0001-01-01', '9999-12-31', '-0001-01-01', '+275760-09-13', '275760-09-13', '2015-11-11T00:00:00Z', '2015-11', '2015',
  '2015-11-11~', '2010-06/2014-05', '', ' 2015-11-11', '2015-11-11 ', '2015/11/11', '11.11.2015', '２０１５-１１-１１', '2015-11-1',
  '20151111', 'yesterday', 'NaN-NaN-NaN', '2015-11-11\u0000', '1e3', '99999-01-01',
];

export const HUGE_INTS = [
  0, 1, 2, 3, 4, 6, 7, 10, 20, 100, 150, 200, 500, 501, 1000, -1, -100, 2147483647, -2147483648, 2147483648, -2147483649,
  4294967296, 9007199254740991, 9007199254740993, 1e20, 1e308, -1e308,
];

export const ODD_FLOATS = [0.5, -0.0, 1.5, 3.14159, 1e-300, 5e-324, 1.7976931348623157e308, 2.5e9];

/** A long string of one of several shapes; length up to max characters. */
export function longString(rng: SeededRandom, max: number): string {
  const length = rng.pick([1001, 4097, 10000, 65537, 200000, Math.min(max, 900000)].filter((n) => n <= max));
  const unit = rng.pick(['a', 'İ', '😀', 'CICA ', '\u0301', '\\', '"', ' ', '*~', 'Kazakhstan, ']);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** A string argument: mostly known names, else odd Unicode, injections, long or random text. */
export function hostileString(rng: SeededRandom, maxLong = 200000): string {
  switch (rng.weighted({ known: 3, unicode: 3, injection: 4, long: 1, mixed: 2, empty: 1, random: 1 })) {
    case 'known': return rng.pick(KNOWN_NAMES);
    case 'unicode': return rng.pick(ODD_UNICODE);
    case 'injection': return rng.pick(INJECTIONS);
    case 'long': return longString(rng, maxLong);
    case 'mixed': return `${rng.pick(KNOWN_NAMES)}${rng.pick(ODD_UNICODE)}${rng.pick(INJECTIONS)}`;
    case 'empty': return rng.pick(['', ' ', '\t', '\n', '   \u3000 ']);
    default: return Array.from({ length: rng.int(1, 40) }, () => String.fromCharCode(rng.int(0, 0xffff))).join('');
  }
}

/** A JSON value of any shape, for a variable of the wrong type. */
export function anyJsonValue(rng: SeededRandom, depth = 0): unknown {
  switch (rng.int(0, depth > 2 ? 5 : 8)) {
    case 0: return null;
    case 1: return rng.chance(0.5);
    case 2: return rng.pick(HUGE_INTS);
    case 3: return rng.pick(ODD_FLOATS);
    case 4: return hostileString(rng, 5000);
    case 5: return rng.pick(['', '0', 'true', 'null', '[]', '{}']);
    case 6: return Array.from({ length: rng.int(0, 4) }, () => anyJsonValue(rng, depth + 1));
    case 7: return { [rng.word()]: anyJsonValue(rng, depth + 1), __proto__x: 1 };
    default: return deeplyNestedList(rng.int(10, 300));
  }
}

/** [[[...["x"]...]]] as a JSON value, nested depth times. */
export function deeplyNestedList(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}
