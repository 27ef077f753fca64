"""analysis: identifiers and their occurrences, classifications, analysts' labels

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 05:17:23.559804
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# Plain JSON on SQLite, JSONB on PostgreSQL (migrations never import application code).
JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


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

    op.create_table('report_classifications',
    sa.Column('report_pk', sa.Integer(), nullable=False),
    sa.Column('crime_type', sa.String(length=32), nullable=False),
    sa.Column('crime_types', JSON_TYPE, nullable=False),
    sa.Column('scores', JSON_TYPE, nullable=False),
    sa.Column('priority', sa.String(length=2), nullable=False),
    sa.Column('reasons', JSON_TYPE, nullable=False),
    sa.Column('actions', JSON_TYPE, nullable=False),
    sa.Column('model_version', sa.String(length=64), nullable=False),
    sa.Column('classified_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['report_pk'], ['reports.id'], name=op.f('fk_report_classifications_report_pk_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_pk', name=op.f('pk_report_classifications'))
    )
    op.create_table('report_labels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_pk', sa.Integer(), nullable=False),
    sa.Column('crime_type', sa.String(length=32), nullable=False),
    sa.Column('crime_types', JSON_TYPE, nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['report_pk'], ['reports.id'], name=op.f('fk_report_labels_report_pk_reports'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_report_labels_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_labels'))
    )
    with op.batch_alter_table('report_labels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_labels_report_pk'), ['report_pk'], unique=False)

    with op.batch_alter_table('reports', schema=None) as batch_op:
        # Existing reports start as not analysed.
        batch_op.add_column(sa.Column('analysed_version', sa.SmallInteger(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_reports_analysed_version'), ['analysed_version'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reports_analysed_version'))
        batch_op.drop_column('analysed_version')

    with op.batch_alter_table('report_labels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_labels_report_pk'))

    op.drop_table('report_labels')
    op.drop_table('report_classifications')
    with op.batch_alter_table('identifier_occurrences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_identifier_occurrences_report_pk'))
        batch_op.drop_index('ix_identifier_occurrences_identifier_report')

    op.drop_table('identifier_occurrences')
    op.drop_table('identifiers')
