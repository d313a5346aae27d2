create table a_table (id bigint primary key);
