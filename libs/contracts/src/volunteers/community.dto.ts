import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { fieldMessage } from '../i18n/field-message';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
// Grid units' fields are nested (gridUnits[0].code): these texts name the field as it was declared.
const CODE_MESSAGE = fieldMessage('volunteers.communities.codeShape');
const NAME_MESSAGE = fieldMessage('volunteers.communities.nameBlank');

export class GridUnitInputDto {
  @ApiProperty({ example: 'QS-01', maxLength: 32 })
  @IsString()
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: '第一网格', maxLength: 100 })
  @IsString()
  @Matches(/\S/, { message: NAME_MESSAGE })
  @MaxLength(100)
  name!: string;
}

export class CreateCommunityDto {
  @ApiProperty({ example: 'qingshan', maxLength: 32 })
  @IsString()
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: '青山社区', maxLength: 100 })
  @IsString()
  @Matches(/\S/, { message: NAME_MESSAGE })
  @MaxLength(100)
  name!: string;

  @ApiProperty({ type: [GridUnitInputDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => GridUnitInputDto)
  gridUnits!: GridUnitInputDto[];
}

export class GridUnitView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class CommunityView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [GridUnitView] }) gridUnits!: GridUnitView[];
}
