import { IsInt, Max, Min } from 'class-validator';

/** A setting that is a whole number from `min` to `max`: the one way settings say so. */
export function WholeSetting(min: number, max: number): PropertyDecorator {
  return (target, key) => {
    IsInt()(target, key);
    Min(min)(target, key);
    Max(max)(target, key);
  };
}
