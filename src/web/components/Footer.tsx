export function Footer() {
  return (
    <footer className="site-footer">
      <div className="container">
        <ul className="site-footer__attributions">
          <li>
            Contains public sector information licensed under the{' '}
            <a
              href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
              rel="license"
            >
              Open Government Licence v3.0
            </a>
            .
          </li>
          <li>Contains National Statistics data © Crown copyright and database right 2013.</li>
          <li>Contains OS data © Crown copyright and database right 2013.</li>
        </ul>
        <p className="site-footer__note">
          Items marked <span className="badge badge--illustrative">Illustrative</span> were completed by a
          documented mapping rather than taken from a published source; hover over the label for how.
          Registered patients are from NHS list-size figures for the quarter covering the chosen date.
        </p>
        <p className="site-footer__note">
          Items marked <span className="badge badge--synthetic">Synthetic</span> are generated demo data: the
          governing bodies, registers of interests and meetings shown for CCGs are invented and name no real
          person.
        </p>
      </div>
    </footer>
  );
}
