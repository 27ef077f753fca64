"""identifiers and their occurrences

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 05:07:38.921291
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('identifiers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('value', sa.String(length=512), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_identifiers')),
    sa.UniqueConstraint('type', 'value', name=op.f('uq_identifiers_type_value'))
    )
    op.create_table('identifier_occurrences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_pk', sa.Integer(), nullable=False),
    sa.Column('identifier_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=8), nullable=False),
    sa.Column('source', sa.String(length=8), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=True),
    sa.Column('span_end', sa.Integer(), nullable=True),
    sa.Column('valid', sa.Boolean(), nullable=False),
    sa.Column('service', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['identifier_id'], ['identifiers.id'], name=op.f('fk_identifier_occurrences_identifier_id_identifiers')),
    sa.ForeignKeyConstraint(['report_pk'], ['reports.id'], name=op.f('fk_identifier_occurrences_report_pk_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_identifier_occurrences'))
    )
    with op.batch_alter_table('identifier_occurrences', schema=None) as batch_op:
        batch_op.create_index('ix_identifier_occurrences_identifier_report', ['identifier_id', 'report_pk'], unique=False)
        batch_op.create_index(batch_op.f('ix_identifier_occurrences_report_pk'), ['report_pk'], unique=False)

    with op.batch_alter_table('reports', schema=None) as batch_op:
        # Existing reports start as not indexed.
        batch_op.add_column(sa.Column('indexed_version', sa.SmallInteger(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_reports_indexed_version'), ['indexed_version'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reports_indexed_version'))
        batch_op.drop_column('indexed_version')

    with op.batch_alter_table('identifier_occurrences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_identifier_occurrences_report_pk'))
        batch_op.drop_index('ix_identifier_occurrences_identifier_report')

    op.drop_table('identifier_occurrences')
    op.drop_table('identifiers')
