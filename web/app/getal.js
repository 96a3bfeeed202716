// SPDX-License-Identifier: EUPL-1.2
// A number as a Dutch adviseur types it, the one reader for every number field of the form and of the
// guided interview. What it does not read as a number, the caller sends as typed (the form: the
// service's message then appears next to the field) or asks again for (the interview).

// \s is also the no-break and thin spaces (U+00A0, U+2009, U+202F) that a copied figure may hold, and
// trim() drops them too. One separator throughout: 85.000.000, 85 000.
const PROCENT = /\s*%$/;
const DUIZENDTALLEN = /^[+-]?[1-9]\d{0,2}([.\s])\d{3}(\1\d{3})*$/;
const DECIMAAL = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

// `soort` is the field's type in the form: 'geheel' (inhabitants, years, respondents) or 'getal'
// (percentages, margins, terms). Both read a decimal comma or point (21,5 and 21.5); a 'getal' also
// takes a % after it (its fields are percentages or say so), a 'geheel' thousands grouped by a point
// or a space (85.000, 85 000) as a Dutch reader writes a number of inhabitants. A point before three
// digits in a 'getal' stays a decimal point (12.500 is 12,5, as an export writes it): those fields hold
// nothing near a thousand. Gives the number, or undefined when the text is none of these.
export function leesGetal(tekst, soort) {
    let t = String(tekst).trim();
    if (soort === 'getal') t = t.replace(PROCENT, '');
    if (soort === 'geheel' && DUIZENDTALLEN.test(t)) return Number(t.replace(/[.\s]/g, ''));
    if (!DECIMAAL.test(t)) return undefined;
    const n = Number(t.replace(',', '.'));
    return Number.isFinite(n) ? n : undefined;
}
