"""series: members, links, merges, hubs and analysts' judgements

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 05:57:55.355626
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# Plain JSON on SQLite, JSONB on PostgreSQL (migrations never import application code).
JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table('link_hubs',
    sa.Column('ident', sa.String(length=600), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('ident', name=op.f('pk_link_hubs'))
    )
    op.create_table('link_judgements',
    sa.Column('judgement_id', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('actor_label', sa.String(length=128), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('payload', JSON_TYPE, nullable=False),
    sa.Column('applied', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('judgement_id', name=op.f('pk_link_judgements'))
    )
    op.create_table('series_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.String(length=40), nullable=False),
    sa.Column('identifier', sa.String(length=600), nullable=False),
    sa.Column('weight', sa.Float(), nullable=False),
    sa.Column('report_pks', JSON_TYPE, nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_series_links'))
    )
    with op.batch_alter_table('series_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_series_links_series_id'), ['series_id'], unique=False)

    op.create_table('series_merges',
    sa.Column('series_id', sa.String(length=40), nullable=False),
    sa.Column('merged_into', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('series_id', name=op.f('pk_series_merges'))
    )
    op.create_table('series_members',
    sa.Column('report_pk', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.String(length=40), nullable=False),
    sa.Column('duplicate_of_pk', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['report_pk'], ['reports.id'], name=op.f('fk_series_members_report_pk_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_pk', name=op.f('pk_series_members'))
    )
    with op.batch_alter_table('series_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_series_members_series_id'), ['series_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('series_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_series_members_series_id'))

    op.drop_table('series_members')
    op.drop_table('series_merges')
    with op.batch_alter_table('series_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_series_links_series_id'))

    op.drop_table('series_links')
    op.drop_table('link_judgements')
    op.drop_table('link_hubs')
