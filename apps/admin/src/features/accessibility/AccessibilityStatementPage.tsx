import { PublicFrame } from "../../components/PublicFrame";

/**
 * Tillgänglighetsredogörelse under lagen (2018:1937) om tillgänglighet till digital offentlig service,
 * following DIGG's template. Kept in Swedish: it is the legally required public statement.
 */
export function AccessibilityStatementPage() {
  return (
    <PublicFrame title="Tillgänglighetsredogörelse">
      <article className="prose" lang="sv">
        <h1>Tillgänglighetsredogörelse för NNS-plattformen</h1>
        <p>
          Nationella nätverket för samordningsförbund (NNS) står bakom NNS-plattformen. Vi vill att så många
          som möjligt ska kunna använda tjänsten. Här beskriver vi hur tjänsten uppfyller lagen (2018:1937) om
          tillgänglighet till digital offentlig service, kända tillgänglighetsproblem och hur du kan
          rapportera brister till oss så att vi kan åtgärda dem.
        </p>
        <h2>Hur tillgänglig är tjänsten?</h2>
        <p>
          Tjänsten är utformad för att uppfylla WCAG 2.1 nivå AA (EN 301 549). Varje sida testas automatiskt
          med axe-core i en riktig webbläsare vid varje ändring, och vi testar att allt går att använda med
          enbart tangentbord och med synligt fokus. Gränssnittet finns på svenska och engelska.
        </p>
        <h2>Vad kan du göra om du inte kan använda delar av tjänsten?</h2>
        <p>
          Om du behöver innehåll från tjänsten i ett annat format, eller stöter på hinder, kontakta oss på{" "}
          <a href="mailto:tillganglighet@nnsplattformen.se">tillganglighet@nnsplattformen.se</a>. Vi svarar
          inom fem arbetsdagar.
        </p>
        <h2>Rapportera brister i tjänstens tillgänglighet</h2>
        <p>
          Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som inte
          beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss på{" "}
          <a href="mailto:tillganglighet@nnsplattformen.se">tillganglighet@nnsplattformen.se</a> så att vi får
          veta att problemet finns. Beskriv gärna vilken sida det gäller och vilket hjälpmedel du använder.
        </p>
        <h2>Tillsyn</h2>
        <p>
          Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn av lagen om tillgänglighet till
          digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du{" "}
          <a href="https://www.digg.se/tdosanmalan">kontakta Digg och påtala det</a>.
        </p>
        <h2>Teknisk information om tjänstens tillgänglighet</h2>
        <p>
          Tjänsten är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av
          brister som beskrivs nedan.
        </p>
        <h3>Innehåll som inte är tillgängligt</h3>
        <ul>
          <li>
            API-dokumentationen på /docs kommer från ett tredjepartsverktyg och har inte granskats manuellt.
          </li>
          <li>E-postmeddelanden från tjänsten har ännu inte testats med skärmläsare.</li>
        </ul>
        <h2>Hur vi testat tjänsten</h2>
        <p>
          Vi har gjort en självskattning (intern testning) av tjänsten. Varje sida kontrolleras automatiskt
          mot WCAG 2.0 och 2.1 nivå A och AA med axe-core i Chromium, i bredderna 1280 och 390 pixlar. Senaste
          bedömningen gjordes den 24 november 2026. Redogörelsen uppdaterades senast den 24 november 2026.
        </p>
      </article>
    </PublicFrame>
  );
}
