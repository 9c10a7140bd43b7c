import { Link } from 'react-router'
import { SettingsList } from '../../app/settings-list.tsx'
import { createTag, deleteTag, listTags, renameTag } from './tags.api.ts'

/** Administration → Tags: the labels applied to partner companies, to find them by. */
export function TagsPage() {
  return (
    <SettingsList
      title="Tags"
      intro="Apply tags to partner companies (from their list or their page) to find them by. Deleting a tag takes it off every partner company."
      noun="tag"
      queryKey="tags"
      load={listTags}
      narrow
      empty="There are no tags yet."
      columns={[
        { header: 'Tag', cell: (tag) => <span className="chip">{tag.name}</span> },
        {
          header: 'Partner companies',
          cell: (tag) => (
            <Link to={`/admin/partner-companies?tag=${encodeURIComponent(tag.name)}`}>
              Show partner companies
            </Link>
          ),
        },
      ]}
      add={createTag}
      rename={(tag, name) => renameTag(tag.id, name)}
      remove={(tag) => deleteTag(tag.id)}
      deleteQuestion={(tag) => `Delete ${tag.name}? It comes off every partner company.`}
    />
  )
}
