import { getMetadataStorage, IsInt, IsString, validate } from 'class-validator';
import { rememberValidationRules } from './validation-metadata';

class Parcel {
  @IsInt() minutes!: number;
}

const rulesOf = (target: new () => object) =>
  getMetadataStorage().getTargetValidationMetadatas(target, '', false, false);

const problems = async (object: object) =>
  (await validate(object, { whitelist: true, forbidNonWhitelisted: true }))
    .map((e) => e.property)
    .sort();

describe('rememberValidationRules', () => {
  beforeAll(() => rememberValidationRules());

  it('validates as before, and works out a class’s rules once', async () => {
    expect(await problems(Object.assign(new Parcel(), { minutes: 'ten' }))).toEqual(['minutes']);
    expect(await problems(Object.assign(new Parcel(), { minutes: 10 }))).toEqual([]);
    expect(await problems(Object.assign(new Parcel(), { minutes: 10, extra: 1 }))).toEqual([
      'extra',
    ]);
    expect(rulesOf(Parcel)).toBe(rulesOf(Parcel));
  });

  it('sees the rules of a class defined after the first validation, inherited ones too', async () => {
    const before = rulesOf(Parcel);
    class Gift extends Parcel {
      @IsString() memo!: string;
    }
    expect(rulesOf(Parcel)).not.toBe(before);
    expect(rulesOf(Parcel)).toEqual(before);
    expect(await problems(Object.assign(new Gift(), { minutes: 'ten', memo: 3 }))).toEqual([
      'memo',
      'minutes',
    ]);
    expect(await problems(Object.assign(new Gift(), { minutes: 10, memo: 'thanks' }))).toEqual([]);
  });

  it('keeps answers apart by validation options', () => {
    const storage = getMetadataStorage();
    const plain = storage.getTargetValidationMetadatas(Parcel, '', false, false);
    const grouped = storage.getTargetValidationMetadatas(Parcel, '', false, true, ['admin']);
    expect(plain).toHaveLength(1);
    expect(grouped).toHaveLength(0);
  });
});
