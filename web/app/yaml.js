// SPDX-License-Identifier: EUPL-1.2
// Reading and writing gemeenteprofielen as YAML. Reading is js-yaml's (a complete YAML 1.2 parser,
// vendored in js-yaml.js); writing is ours, because a profile saved from the form should look like the
// examples a person writes: sections as blocks, each row of figures on one line, lists of ids inline.
import { load } from './js-yaml.js';

export class LeesFout extends Error {
    constructor(melding, regel, kolom) {
        super(melding);
        this.regel = regel;
        this.kolom = kolom;
    }
}

export function leesProfielTekst(tekst) {
    let v;
    try {
        v = load(tekst);
    } catch (e) {
        const m = e.mark || {};
        const reden = String(e.reason || e.message || e).split('\n')[0].replace(/ \(\d+:\d+\)$/, '');
        throw new LeesFout(`geen geldige YAML of JSON: ${reden}`, m.line !== undefined ? m.line + 1 : undefined,
            m.column !== undefined ? m.column + 1 : undefined);
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
        throw new LeesFout('een gemeenteprofiel is een mapping met ten minste gemeente.naam', 1, 1);
    }
    return v;
}

// Words YAML 1.1 readers (yaml-cpp among them) take as booleans or null: always quoted.
const GERESERVEERD = /^(y|n|yes|no|on|off|true|false|null|~)$/i;
// Plain in block and in flow context: starts with a letter or digit, holds nothing YAML gives a meaning.
const GEWOON = /^[\p{L}\p{N}][\p{L}\p{N} _.+\-/()'’&%!?]*$/u;

export function scalair(v) {
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : JSON.stringify(String(v));
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (v === null || v === undefined) return 'null';
    const s = String(v);
    if (GEWOON.test(s) && !s.endsWith(' ') && !GERESERVEERD.test(s)) {
        let terug;
        try { terug = load(s); } catch { terug = undefined; }
        if (terug === s) return s;
    }
    // A JSON string is a YAML double-quoted scalar; YAML also wants DEL, C1 controls, the line and
    // paragraph separators and the BOM escaped.
    return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g,
        (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function inline(v) {
    if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
    if (v !== null && typeof v === 'object') {
        return `{${Object.entries(v).map(([k, w]) => `${scalair(k)}: ${inline(w)}`).join(', ')}}`;
    }
    return scalair(v);
}

function blok(obj, inspringing) {
    const pre = ' '.repeat(inspringing);
    let uit = '';
    for (const [k, v] of Object.entries(obj)) {
        const sleutel = scalair(k);
        if (Array.isArray(v)) {
            if (v.length && v.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x))) {
                uit += `${pre}${sleutel}:\n`;
                for (const x of v) uit += `${pre}  - ${inline(x)}\n`;
            } else {
                uit += `${pre}${sleutel}: ${inline(v)}\n`;
            }
        } else if (v !== null && typeof v === 'object') {
            uit += Object.keys(v).length ? `${pre}${sleutel}:\n${blok(v, inspringing + 2)}` : `${pre}${sleutel}: {}\n`;
        } else {
            uit += `${pre}${sleutel}: ${scalair(v)}\n`;
        }
    }
    return uit;
}

export function alsYaml(profiel) {
    const naam = profiel?.gemeente?.naam;
    const kop = '# Gemeenteprofiel' + (typeof naam === 'string' && naam.trim() ? ` van ${naam.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]+/g, ' ')}` : '')
        + ', opgeslagen met wegwijzer (zie docs/gemeenteprofiel.md)\n';
    return kop + blok(profiel, 0);
}
