import { describe, expect, it } from 'vitest';
import { shareCost, trainingSummaryTable } from './summary.ts';

describe('training summary', () => {
  it('shares a cost exactly, the remainder to the first trainees', () => {
    expect(shareCost(100000, 3)).toEqual([33334, 33333, 33333]);
    expect(shareCost(1, 2)).toEqual([1, 0]);
    expect(shareCost(500, 0)).toEqual([]);
  });

  it('ends the table with the total', () => {
    const table = trainingSummaryTable({
      year: 2026,
      employees: [
        {
          employeeId: 'e',
          employeeName: 'Roux Inès',
          jobTitle: 'Comptable',
          actions: 1,
          hoursDone: 1400,
          hoursPlanned: 0,
          cost: 90000,
        },
      ],
      byJobTitle: [{ jobTitle: 'Comptable', hoursDone: 1400, hoursPlanned: 0, cost: 90000 }],
      total: { hoursDone: 1400, hoursPlanned: 0, cost: 90000 },
    });
    expect(table.rows.at(-1)!.cells).toEqual(['Total', '', '', '14,00 h', '0,00 h', 90000]);
  });
});
