#!/usr/bin/env node
// Generates the expectations for JsonWriterJavaScriptTest from node's own JSON.stringify.
// Run from this directory with `node generate.js` (node 12 or newer: well-formed JSON.stringify,
// ES2019). The test never runs node; it reads the two files written here:
//   values.expected.json  case name -> exact JSON.stringify output (the test builds the same
//                         input in Java under the same name; the names must match both ways)
//   doubles.expected.tsv  IEEE-754 bits (16 hex digits) TAB JSON.stringify output, for every
//                         power of two, its neighbours, and seeded pseudo-random doubles
'use strict';
const fs = require('fs');

const cases = {};

// Strings.
cases.nonAsciiLatin = 'caf\u00e9 na\u00efve';
cases.nonAsciiCjk = '\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8';
cases.emoji = 'harbour \ud83d\ude00 \ud83c\udf05';
cases.slash = 'a/b</script>';
cases.quote = 'say "hi"';
cases.backslash = 'C:\\media\\n';
for (let c = 0; c < 0x20; c++) {
  cases['control' + c.toString(16).padStart(2, '0')] = 'a' + String.fromCharCode(c) + 'b';
}
cases.lineSeparator = 'a\u2028b';
cases.paragraphSeparator = 'a\u2029b';
cases.del = 'a\u007fb';
cases.c1Control = 'a\u0085b\u009fc';
cases.nonCharacters = '\ufffe\uffff';
cases.loneHigh = 'x\ud800y';
cases.loneLow = 'x\udc00y';
cases.loneHighAtEnd = 'end\ud83d';
cases.loneLowAtStart = '\ude00start';
cases.reversedPair = '\ude00\ud83d';
cases.highThenPair = '\ud83d\ud83d\ude00';
cases.emptyString = '';

// Numbers. Java builds the same values; integers given as Long/BigInteger in Java are JS numbers
// here, because a JS sender (and a JS receiver re-stringifying) only ever has doubles.
cases.zero = 0;
cases.negativeZero = -0;
cases.positiveInt = 42;
cases.negativeInt = -17;
cases.longMaxValue = 9223372036854775807;
cases.longMinValue = -9223372036854775808;
cases.maxSafeInteger = 9007199254740991;
cases.maxSafeIntegerPlusTwo = 9007199254740993;
cases.twoToThe70 = 2 ** 70;
cases.oneE21 = 1e21;
cases.oneE20 = 1e20;
cases.oneEMinus7 = 1e-7;
cases.onePointFiveEMinus7 = 1.5e-7;
cases.oneEMinus6 = 1.0e-6;
cases.bigDigits = 123456789012345680000;
cases.pointOnePlusPointTwo = 0.1 + 0.2;
cases.minSubnormal = 5e-324;
cases.minNormal = 2.2250738585072014e-308;
cases.maxDouble = 1.7976931348623157e308;
cases.negativeMaxDouble = -1.7976931348623157e308;
cases.hundredPointZero = 100.0;
cases.negativeFraction = -0.5;
cases.decimalOnePointOneZero = 1.10;
cases.nan = NaN;
cases.positiveInfinity = Infinity;
cases.negativeInfinity = -Infinity;

// Structures.
cases.nested = {a: [1, {b: null, c: [true, false]}], d: {e: 'f'}};
cases.emptyObject = {};
cases.emptyArray = [];
cases.nestedEmpty = [{}, [], {x: {}}, [[]]];
cases.keyOrder = {zebra: 1, apple: 2, mango: 3};
// JS puts array-index keys (canonical integers 0 .. 2^32-2) first, ascending, whatever the
// insertion order; every other key keeps insertion order.
cases.integerLikeKeys = JSON.parse(
    '{"b":1,"10":2,"a":3,"2":4,"01":5,"-1":6,"4294967295":7,"4294967294":8,"1.5":9,"0":10}');
cases.escapedKeys = {'\u00e9/\n': 1, 'q"': [null]};
cases.arrayOfMixed = [null, true, false, 0, -1.5, 'x', [], {}];

const names = Object.keys(cases).sort();
const expected = {};
for (const name of names) {
  expected[name] = JSON.stringify(cases[name]);
}
fs.writeFileSync('values.expected.json', JSON.stringify(expected, null, 1) + '\n');

// Doubles by bit pattern.
const buf = new DataView(new ArrayBuffer(8));
function bitsOf(d) {
  buf.setFloat64(0, d);
  return buf.getBigUint64(0).toString(16).padStart(16, '0');
}
function fromBits(b) {
  buf.setBigUint64(0, b);
  return buf.getFloat64(0);
}
const lines = [];
function add(d) {
  if (!Number.isFinite(d)) return;
  lines.push(bitsOf(d) + '\t' + JSON.stringify(d));
}
// Powers of two are where the rounding interval is asymmetric (the gap below is half the gap
// above), the classic trap for shortest-digit algorithms.
for (let e = -1074; e <= 1023; e++) {
  const p = 2 ** e;
  const bits = BigInt('0x' + bitsOf(p));
  add(p);
  if (bits > 1n) add(fromBits(bits - 1n));
  add(fromBits(bits + 1n));
}
// Seeded xorshift64*: random bit patterns over the whole range, then decimal-looking values.
let state = 0x9e3779b97f4a7c15n;
const mask = (1n << 64n) - 1n;
function next() {
  state ^= state >> 12n;
  state ^= (state << 25n) & mask;
  state ^= state >> 27n;
  return (state * 0x2545f4914f6cdd1dn) & mask;
}
for (let i = 0; i < 1500; i++) {
  add(fromBits(next()));
}
for (let i = 0; i < 1500; i++) {
  const digits = Number(next() % 10000000n);
  const scale = Number(next() % 40n) - 20;
  add(-(digits * 10 ** scale));
  add(digits / 10 ** (Number(next() % 12n)));
}
fs.writeFileSync('doubles.expected.tsv', lines.join('\n') + '\n');
