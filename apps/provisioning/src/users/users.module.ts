import { Module } from '@nestjs/common';
import { OwnerBootstrapRunner } from './owner-bootstrap.runner';
import { UsersRpcHandlers } from './users.handler';
import { UsersService } from './users.service';

@Module({ providers: [UsersService, UsersRpcHandlers, OwnerBootstrapRunner], exports: [UsersService] })
export class UsersModule {}
