import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength } from 'class-validator';
import { Optional } from '../common/validators';
import { fieldMessage } from '../i18n/field-message';

export class VolunteerProfileDto {
  @ApiProperty({ type: [String], example: ['陪诊', 'shopping', 'home repair'], maxItems: 30 })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Matches(/\S/, { each: true, message: fieldMessage('volunteers.profiles.skillBlank') })
  @MaxLength(60, { each: true })
  skills!: string[];

  @ApiPropertyOptional({ example: 'Weekday mornings', maxLength: 500 })
  @Optional()
  @IsString()
  @MaxLength(500)
  availability?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Optional()
  @IsString()
  @MaxLength(2000)
  bio?: string;
}

export class VolunteerProfileView {
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({ type: String, nullable: true }) availability!: string | null;
  @ApiProperty({ type: String, nullable: true }) bio!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
