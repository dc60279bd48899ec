import { Search } from './Search.tsx';
import { DocumentView } from './DocumentView.tsx';
import { PeopleList, PersonView } from './PersonView.tsx';
import { Trends } from './Trends.tsx';
import { Decisions } from './Decisions.tsx';
import { SavedSearches } from './SavedSearches.tsx';
import { OrganisationView } from './OrganisationView.tsx';
import { Link, useLocation } from './router.tsx';

export function App() {
  const url = useLocation();
  const doc = /^\/dokument\/([a-f0-9]+)$/.exec(url.pathname);
  const org = /^\/organisation\/(.+)$/.exec(url.pathname);
  const person = /^\/personer\/([a-f0-9]+)$/.exec(url.pathname);
  const page = doc ? <DocumentView id={doc[1]!} url={url} />
    : org ? <OrganisationView name={decodeURIComponent(org[1]!)} />
    : url.pathname === '/bevakningar' ? <SavedSearches />
    : person ? <PersonView id={person[1]!} />
    : url.pathname === '/personer' ? <PeopleList url={url} />
    : url.pathname === '/trender' ? <Trends url={url} />
    : url.pathname === '/beslut' ? <Decisions url={url} />
    : <Search url={url} />;
  return (
    <>
      <header>
        <Link to="/" className="brand">Mötesarkivet</Link>
        <nav aria-label="Huvudmeny"><Link to="/">Sök</Link> <Link to="/personer">Personer</Link> <Link to="/trender">Trender</Link> <Link to="/beslut">Beslut</Link> <Link to="/bevakningar">Bevakningar</Link></nav>
      </header>
      {page}
    </>
  );
}
