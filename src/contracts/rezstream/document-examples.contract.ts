// The examples of seeds/001 verbatim, the origin replaced: the two Link header examples of "rezStream Cloud API" and the reservation of
// "The Data and Endpoints". Their ids and counts exist only in the sandbox's seed (its first tenant), so these never run against a live target.
import type { ContractCase, ContractResponse } from '../types.js';
import { asArray, asObject, baseOf, bareArrayFailure, cloud, doc, DOCUMENT_CURSOR_ID, DOCUMENT_RESERVATION, firstFailure, linkValues } from './common.js';

const PAGING = doc('rezStream Cloud API');

/** "Example of pagination response headers", as printed. */
const BY_DATE_LINKS = [
  '<https://cloudapi.rezstream.com/reservations/byDate?from=2023-01-01&to=2024-01-01&skip=20&limit=10>; rel="next"',
  '<https://cloudapi.rezstream.com/reservations/byDate?from=2023-01-01&to=2024-01-01&skip=0&limit=10>; rel="prev"',
  '<https://cloudapi.rezstream.com/reservations/byDate?from=2023-01-01&to=2024-01-01&skip=30&limit=10>; rel="last"',
  '<https://cloudapi.rezstream.com/reservations/byDate?from=2023-01-01&to=2024-01-01&skip=0&limit=10>; rel="first"',
];
/** "Example of paged cursor response headers", as printed. */
const CURSOR_LINKS = [
  '<https://cloudapi.rezstream.com/reservations/updated?from=2020-01-01T00%3A00%3A00Z&afterAt=2021-10-01T14%3A44%3A54.03Z&afterId=fa801bc8-92af-48d3-9ee4-a8685f794904&limit=10>; rel="next"',
  '<https://cloudapi.rezstream.com/reservations/updated?from=2020-01-01T00%3A00%3A00Z&limit=10>; rel="first"',
];

/** The printed lines with the real origin replaced by the one that answered; each line a Link field, in the printed order. */
function exactLinks(response: ContractResponse, path: string, printed: readonly string[]): string | undefined {
  const base = baseOf(response, path);
  const wanted = printed.map((line) => line.replace('https://cloudapi.rezstream.com', base));
  const actual = linkValues(response);
  return actual.join('\n') === wanted.join('\n') ? undefined : `Link headers are\n${actual.join('\n')}\nnot\n${wanted.join('\n')}`;
}

const distinct = (values: unknown[]): number => new Set(values.map((v) => JSON.stringify(v))).size;

/** seeds/001's list of what a large group reservation can hold, each point met by the example, and every reference resolving. */
function groupFailure(body: unknown): string | undefined {
  const b = asObject(body);
  const units = asArray(b.unitAssignments).map(asObject);
  const members = asArray(b.members).map(asObject);
  const invoices = asArray(b.invoices).map(asObject);
  const memberIds = new Set(members.map((m) => m.id));
  const unitIds = new Set(units.map((u) => u.id));
  const unitMembers = units.map((u) => asArray(u.memberIds));
  return firstFailure(
    b.id !== DOCUMENT_RESERVATION && `id is ${JSON.stringify(b.id)}`,
    units.length < 2 && `${units.length} unit assignment(s), not several`,
    members.length < 2 && `${members.length} member(s), not a group`,
    distinct(unitMembers) < 2 && 'every unit assignment has the same people',
    unitMembers.flat().some((id) => !memberIds.has(id)) && 'a unit assignment names a member the reservation lacks',
    distinct(invoices.map((i) => i.memberId)) < 2 && 'the invoices are not billed to different members',
    invoices.some((i) => !memberIds.has(i.memberId)) && 'an invoice is billed to a member the reservation lacks',
    distinct(invoices.map((i) => i.unitAssignmentIds)) < 2 && 'the unit assignments are not on different invoices',
    invoices.flatMap((i) => asArray(i.unitAssignmentIds)).some((id) => !unitIds.has(id)) && 'an invoice names a unit assignment the reservation lacks',
    !members.some((m) => typeof m.mobilePhone === 'string' && m.mobilePhone !== m.phone) && 'nobody has a mobile number different from their phone',
    !members.some((m) => m.mobilePhone === null || m.mobilePhone === undefined) && 'everybody has a mobile phone number',
    distinct(units.map((u) => [u.arrival, u.departure])) < 2 && 'every unit assignment has the same dates of stay',
  );
}

export const documentExampleCases: ContractCase[] = [
  {
    id: 'document.by-date-links',
    sentence: "answers the document's byDate page skip=10&limit=10 with exactly its four Link lines",
    source: PAGING,
    requires: ['sandbox'],
    request: cloud('/reservations/byDate?from=2023-01-01&to=2024-01-01&skip=10&limit=10'),
    expect: { status: 200, bodySchema: 'listReservationsByDate', check: (body, res) => firstFailure(bareArrayFailure(body, 10, true), asArray(body).length !== 10 && `${asArray(body).length} rows, not 10`, exactLinks(res, '/reservations/byDate', BY_DATE_LINKS)) },
  },
  {
    id: 'document.cursor-links',
    sentence: "answers the update feed from 2020-01-01T00:00:00Z with limit=10 with exactly the document's two cursor links",
    source: PAGING,
    requires: ['sandbox'],
    request: cloud('/reservations/updated?from=2020-01-01T00:00:00Z&limit=10'),
    expect: {
      status: 200,
      bodySchema: 'listReservationsUpdated',
      check: (body, res) =>
        firstFailure(
          asArray(body).length !== 10 && `${asArray(body).length} rows, not 10`,
          asObject(asArray(body)[9]).id !== DOCUMENT_CURSOR_ID && `the tenth row is ${JSON.stringify(asObject(asArray(body)[9]).id)}, not the cursor's ${DOCUMENT_CURSOR_ID}`,
          exactLinks(res, '/reservations/updated', CURSOR_LINKS),
        ),
    },
  },
  {
    id: 'document.group-reservation',
    sentence: "answers the document's reservation a2857289-… with its whole group: several units, members, invoices, and their links",
    source: doc('The Data and Endpoints'),
    requires: ['sandbox'],
    request: cloud(`/reservations/${DOCUMENT_RESERVATION}`),
    expect: { status: 200, headers: { 'content-type': /^application\/json/ }, bodySchema: 'getReservation', check: groupFailure },
  },
];
