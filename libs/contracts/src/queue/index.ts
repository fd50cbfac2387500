export * from './queue.dto';
