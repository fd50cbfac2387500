import { ApiProperty } from '@nestjs/swagger';

/** A member as other views name them: the id and the name they go by, never more. */
export class PersonView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '李奶奶' }) displayName!: string;
}
