import { duplicateGridUnitCodeErrors } from './community-rules';

describe('duplicateGridUnitCodeErrors', () => {
  it('accepts distinct codes and no grid units', () => {
    expect(duplicateGridUnitCodeErrors([])).toEqual([]);
    expect(duplicateGridUnitCodeErrors([{ code: 'QS-01' }, { code: 'QS-02' }])).toEqual([]);
  });

  it('names each repeat by its position, regardless of case', () => {
    const errors = duplicateGridUnitCodeErrors([
      { code: 'QS-01' },
      { code: 'QS-02' },
      { code: 'qs-01' },
      { code: 'QS-01' },
    ]);
    expect(errors.map((e) => e.field)).toEqual(['gridUnits[2].code', 'gridUnits[3].code']);
    expect(errors[0].message).toContain('gridUnits[0].code');
  });
});
