"""Write the 15d research CSVs (Soviet decision-making) with exactly the data tables' columns.

Run: python3 research/build_15d.py   (rewrites research/15d-*.csv)
"""

import csv
from pathlib import Path

HERE = Path(__file__).parent
DATA = HERE.parent / "data"


def header(table):
    with open(DATA / f"{table}.csv", newline="", encoding="utf-8") as f:
        return next(csv.reader(f))


def write(name, cols, rows):
    with open(HERE / name, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        for r in rows:
            missing = set(r) - set(cols)
            assert not missing, (name, missing)
            w.writerow(r)


EVENTS = [
    dict(
        event_id="ev-1926-06-03-politburo-debates-strike",
        start_date="1926-06-03",
        end_date="",
        date_precision="day",
        title="Politburo argues over the 'lessons' of the British general strike",
        summary=(
            "Three weeks after the TUC called the strike off, the Politburo spent a long and angry "
            "session on what it had shown. The verbatim record, kept secret until recently, shows the "
            "leaders reading the strike in inconsistent ways and the opposition using Moscow's British "
            "policy, above all the partnership with the TUC leaders in the Anglo-Russian committee, "
            "as a weapon against Stalin and the majority."
        ),
        theme="general_strike",
        lesson="04-general-strike-1926",
        people="stalin;trotsky",
        organisations="politburo;jac;tuc_general_council",
        certainty="probable",
        source_ids="web-kocho-williams-soviet-union-general-strike;doc-trotsky-my-life-arc",
        verified_by="primary",
        note=(
            "The date and the description of the session rest on Kocho-Williams's paper on the published "
            "stenogram (Stenogrammy zasedanii Politbiuro, vol. 1); the stenogram itself was not read. "
            "Trotsky's memoir (primary) confirms that the strike and the bloc with the General Council "
            "divided the leadership but gives no date. Who said what at the session is left out: the "
            "passages of the paper seen do not attribute speeches."
        ),
    ),
    dict(
        event_id="ev-1927-05-24-intercepted-telegrams-quoted",
        start_date="1927-05-24",
        end_date="",
        date_precision="day",
        title="Baldwin quotes intercepted Soviet telegrams to the Commons",
        summary=(
            "Alongside papers seized at Soviet House, Baldwin also read out Soviet official "
            "messages, among them one from the Soviet chargé d'affaires "
            "in London to Moscow about holding back secret post. Labour members asked how they had been "
            "obtained; Time reported that colleagues pulled him down as he seemed about to make a "
            "damaging admission. Historians identify the texts as decrypts made by British "
            "codebreakers."
        ),
        theme="intelligence",
        lesson="06-rupture-1927",
        people="baldwin;chamberlain_austen",
        organisations="uk_parliament;gccs;soviet_mission_london",
        certainty="certain",
        source_ids=(
            "hc-1927-05-24-prime-ministers-statement;news-time-1927-06-06-russian-break;"
            "news-spectator-1927-05-28-baldwin-decision;book-aldrich-black-door"
        ),
        verified_by="primary",
        note=(
            "Complements ev-1927-05-24-baldwin-statement (same sitting). That the quoted texts were "
            "intercepts decrypted by GC&CS is the historians' finding (Aldrich), not something said in "
            "the House; Time and the Spectator confirm that telegrams were quoted. The passage of Hansard "
            "seen here covers the opening of the statement only."
        ),
    ),
    dict(
        event_id="ev-1927-05-30-chamberlain-declines-to-say-how-telegrams-obtained",
        start_date="1927-05-30",
        end_date="",
        date_precision="day",
        title="Chamberlain refuses to say how the Moscow–Peking telegrams were obtained",
        summary=(
            "Asked whether the messages between Moscow and Peking printed in Part II of the White Paper "
            "Cmd. 2874 came from the raid on the Soviet legation in Peking, Chamberlain said they did "
            "not, and then declined, in the public interest, to say how they had reached the Government. "
            "A Labour member asked outright whether they had been got by espionage."
        ),
        theme="intelligence",
        lesson="06-rupture-1927",
        people="chamberlain_austen;kenworthy;thurtle",
        organisations="foreign_office;uk_parliament;gccs",
        certainty="certain",
        source_ids="hc-1927-05-30-documents-command-paper-2874;doc-cmd2874-googlebooks",
        verified_by="primary",
        note=(
            "Part II of Cmd. 2874 lists a Commissariat for Foreign Affairs message to the Soviet "
            "representative in Peking (12 Nov. 1926) and one from the Soviet chargé d'affaires in London "
            "to Moscow (1 Feb. 1927). Volume and columns of the Hansard item were not seen."
        ),
    ),
    dict(
        event_id="ev-1927-01-01-moscow-replaces-compromised-ciphers",
        start_date="1927-01-01",
        end_date="",
        date_precision="year",
        title="Moscow replaces the cipher systems Britain had been reading",
        summary=(
            "The May statements told Moscow that its telegrams had been read, and it changed its cipher "
            "systems. Later accounts say diplomatic and intelligence traffic moved to one-time pads, "
            "which left British codebreakers unable to read nearly all of it into the Second World War. "
            "Christopher Andrew judged that no other modern parliamentary debate had given away so much "
            "about secret intelligence."
        ),
        theme="intelligence",
        lesson="06-rupture-1927",
        people="baldwin",
        organisations="gccs;soviet_government",
        certainty="probable",
        source_ids="book-aldrich-black-door;web-coldspur-sonias-radio-iv",
        verified_by="two_secondary",
        note=(
            "Year only (1 January = year precision): no source read gives the month of the change. The "
            "Black Door passage seen breaks off after saying the Russians replaced their systems; the "
            "one-time pads and the 'until the war' claim come from a blog (coldspur) that cites Aldrich's "
            "GCHQ, whose own page on this was cut off before the point. Andrew's judgement is quoted by "
            "Aldrich; Andrew's own book was not read."
        ),
    ),
    dict(
        event_id="ev-1927-06-01-trotsky-attacks-british-policy",
        start_date="1927-06-01",
        end_date="",
        date_precision="month",
        title="Trotsky attacks the leadership's British policy after the break",
        summary=(
            "After Britain broke off relations, Trotsky renewed his open attack on Stalin's majority. "
            "Before the party's Central Control Commission he argued that holding on to the "
            "Anglo-Russian trade-union committee had misled Soviet workers about who their friends "
            "would be in a war; Time reported that he also urged reprisals against Britain before the "
            "communist leadership and was formally censured."
        ),
        theme="international",
        lesson="06-rupture-1927",
        people="trotsky;stalin;purcell;hicks_george",
        organisations="politburo;comintern;jac;tuc_general_council",
        certainty="certain",
        source_ids="doc-trotsky-1927-ccc-speech;news-time-1927-06-13-trotzky-v-stalin",
        verified_by="primary",
        note=(
            "Month precision: the speech is dated only 'June 1927' and Time (13 June) says 'last week'. "
            "Time calls the body 'the Comintern' and glosses it as the party's executive and central "
            "committee; which body passed the censure is therefore left vague."
        ),
    ),
    dict(
        event_id="ev-1927-09-01-war-scare-and-the-countryside",
        start_date="1927-09-01",
        end_date="",
        date_precision="month",
        title="War scare feeds the leadership's fears about the peasants",
        summary=(
            "As talk of war spread through 1927, rumours reached the villages and the political police "
            "reported growing peasant hostility. By the autumn the OGPU's summaries to the leadership "
            "described a countryside spoiling for a showdown, adding to the pressures that pushed the "
            "party towards collectivisation; the crisis born abroad had spread into Soviet economic "
            "and political life."
        ),
        theme="international",
        lesson="06-rupture-1927",
        people="stalin",
        organisations="politburo;soviet_government",
        certainty="probable",
        source_ids="article-spsr-1927-war-scare;book-jacobson-1994",
        verified_by="two_secondary",
        note=(
            "Month precision: 'by fall 1927' in the article's abstract (only the abstract was read). "
            "Jacobson's section 'The War Scare of 1927' says the crisis began in the USSR's international "
            "position and engulfed its economy and politics."
        ),
    ),
    dict(
        event_id="ev-1924-11-01-chicherin-disowns-comintern",
        start_date="1924-11-01",
        end_date="1924-12-01",
        date_precision="month",
        title="Chicherin replies that the Comintern is independent of the Soviet government",
        summary=(
            "Answering Chamberlain's notes of 21 November, Chicherin regretted the refusal to ratify the "
            "treaties and repeated Moscow's standing claim that the Communist International stood wholly "
            "apart from the Soviet government in politics and organisation, so that the government could "
            "neither turn it out of Moscow nor lean on it. Chamberlain's note had already rejected the "
            "distinction, holding that the Comintern's propaganda went on with the Soviet government's "
            "knowledge."
        ),
        theme="propaganda",
        lesson="01-recognition-1924",
        people="chicherin;chamberlain_austen;rakovsky",
        organisations="narkomindel;comintern;foreign_office",
        certainty="certain",
        source_ids="news-time-1924-12-08-reply-to-britain;news-hokitika-guardian-1924-11-24-british-politics",
        verified_by="primary",
        note=(
            "Month range: Time (8 Dec. 1924) says the two replies followed Chamberlain's notes 'within a few "
            "days'; their exact dates were not seen. The Hokitika Guardian cable gives the British side: the "
            "complaint covered the whole body of Comintern propaganda, carried on with the Soviet "
            "government's knowledge. See d-19-narkomindel-comintern."
        ),
    ),
    dict(
        event_id="ev-1926-12-06-chicherin-berlin-press-speech",
        start_date="1926-12-06",
        end_date="",
        date_precision="day",
        title="Chicherin attacks British policy before the press in Berlin",
        summary=(
            "Speaking to journalists in Berlin, Chicherin charged Britain with working against the USSR. "
            "Chamberlain's note of February 1927 singled the speech out as especially hostile, accused him "
            "of misquoting a British periodical, and called his belief that London was steering Poland, "
            "the Baltic states and Persia against Moscow an obsession."
        ),
        theme="propaganda",
        lesson="06-rupture-1927",
        people="chicherin;chamberlain_austen",
        organisations="narkomindel;foreign_office",
        certainty="probable",
        source_ids="doc-googlebooks-wW4MAQAAIAAJ-british-note-feb-1927;news-grey-river-argus-1927-02-26-britain-and-russia",
        verified_by="primary",
        note=(
            "Known only through the British note of 23 February 1927 and a cable summary of it; the text of "
            "Chicherin's speech was not read, so its content is given only as the British side described it."
        ),
    ),
    dict(
        event_id="ev-1927-05-05-rykov-offer-rebuffed",
        start_date="1927-05-05",
        end_date="",
        date_precision="day",
        title="Government brushes aside Rykov's call for talks",
        summary=(
            "Asked about a speech in which Rykov, head of the Soviet government, had said that Moscow "
            "wanted, and thought it feasible, to ease relations with Britain through talks, the "
            "Under-Secretary for Foreign Affairs told the Commons that no such offer had "
            "been received and that talks were pointless until Soviet propaganda against Britain stopped. "
            "A week later the police searched Soviet House."
        ),
        theme="negotiations",
        lesson="06-rupture-1927",
        people="rykov;locker_lampson_godfrey",
        organisations="soviet_government;foreign_office;uk_parliament",
        certainty="certain",
        source_ids="hc-1927-05-05-anglo-russian-relations",
        verified_by="primary",
        note="The date and text of Rykov's speech were not seen; it is known here only as described in the question.",
    ),
    dict(
        event_id="ev-1926-07-14-joint-plenum-backs-politburo-on-britain",
        start_date="1926-07-14",
        end_date="1926-07-23",
        date_precision="day",
        title="Party plenum endorses the Politburo's line on Britain and drops Zinoviev",
        summary=(
            "A joint plenum of the party's Central Committee and Central Control Commission heard the "
            "Politburo report on the decisions it had taken over the British general strike and over "
            "Poland and China, with Stalin speaking for the majority. The plenum approved the Politburo's "
            "conduct and that of the Soviet delegation in the Comintern executive, and removed Zinoviev "
            "from the Politburo."
        ),
        theme="general_strike",
        lesson="04-general-strike-1926",
        people="stalin;zinoviev",
        organisations="politburo;ecci;jac",
        certainty="certain",
        source_ids="doc-stalin-works-8-july-1926-plenum;enc-wikipedia-zinoviev",
        verified_by="primary",
        note=(
            "From the editors' note to Stalin's Works, vol. 8 (Moscow, 1954), an official Soviet edition. "
            "Wikipedia independently gives 23 July 1926 as the end of Zinoviev's Politburo membership."
        ),
    ),
    dict(
        event_id="ev-1926-08-07-stalin-defends-soviet-unions-at-ecci",
        start_date="1926-08-07",
        end_date="",
        date_precision="day",
        title="Stalin defends the Soviet unions' strike declaration against British communists",
        summary=(
            "At the Comintern executive's presidium Stalin answered a protest from the British Communist "
            "Party's central committee, echoed at the meeting by Murphy, against the Soviet trade-union "
            "council's public declaration on the general strike. He conceded that the British party had "
            "sometimes not been consulted but insisted the Soviet unions had every right to speak and had "
            "done so with the Profintern's knowledge and approval."
        ),
        theme="labour_movement",
        lesson="04-general-strike-1926",
        people="stalin;tomsky",
        organisations="ecci;cpgb;vtssps;profintern;jac",
        certainty="certain",
        source_ids="doc-stalin-works-8-1926-08-07-arc",
        verified_by="primary",
        note=(
            "Stalin's own speech as published in his Works, vol. 8 (Moscow, 1954): a partisan record. The "
            "text of the Soviet unions' declaration itself was not read. Tomsky is listed as head of the "
            "Soviet trade-union council, not as a speaker."
        ),
    ),
    dict(
        event_id="ev-1927-07-29-plenum-ties-war-danger-to-opposition",
        start_date="1927-07-29",
        end_date="1927-08-09",
        date_precision="day",
        title="Party plenum debates the war danger and the opposition together",
        summary=(
            "At a joint plenum of the Central Committee and Central Control Commission the threat of war "
            "and the fate of the opposition were argued side by side. Stalin called the defence of the USSR "
            "the fundamental question and said Trotsky's refusal to disown his 'Clemenceau' statement cast "
            "doubt on his sincerity about defending the country; Trotsky answered that the majority was deliberately tying the war danger "
            "to its campaign against the opposition. The plenum still stopped short of expelling Trotsky "
            "and Zinoviev from the Central Committee."
        ),
        theme="international",
        lesson="06-rupture-1927",
        people="stalin;trotsky;zinoviev;kamenev",
        organisations="politburo;comintern",
        certainty="certain",
        source_ids="doc-stalin-works-10-july-august-1927-plenum;doc-trotsky-1927-08-01-war-danger",
        verified_by="primary",
        note=(
            "Both sources are partisan: Stalin's speeches of 1 and 9 August as published in his Works, vol. 10, "
            "and Trotsky's speech of 1 August with his later introduction (The Stalin School of "
            "Falsification). What the 'Clemenceau' statement said was not read in Trotsky's own words and "
            "is not glossed here."
        ),
    ),
]

PEOPLE_EDITS = [
    dict(
        person_id="chicherin",
        field="role",
        new=(
            "Aristocrat and former tsarist archivist who became People's Commissar for Foreign Affairs in "
            "1918 and held the post until July 1930. He directed Soviet diplomacy through recognition in "
            "1924 and the troubled years to 1927, growing hostile to Britain after Locarno; illness "
            "increasingly left the work to his deputy Litvinov. His commissariat sought normal relations "
            "and trade while the Comintern pursued revolution abroad, and historians differ on whether he "
            "objected to that work in principle or only to its being exposed. Officially he maintained that the "
            "Comintern was independent of the Soviet government; British ministers in 1927 called his "
            "conviction that Britain was organising Moscow's neighbours against it an obsession."
        ),
        source_ids=(
            "enc-wikipedia-chicherin;enc-marxists-fr-chicherin;enc-prlib-chicherin;enc-prabook-chicherin;"
            "gorodetsky1977-ch4;article-kocho-williams-engaging-the-world;book-service-spies-and-commissars;"
            "news-time-1924-12-08-reply-to-britain;doc-googlebooks-wW4MAQAAIAAJ-british-note-feb-1927"
        ),
        reason="Issue 15 item 4: Narkomindel–Comintern tension and Chicherin's position (see d-19-narkomindel-comintern).",
    ),
    dict(
        person_id="litvinov",
        field="role",
        new=(
            "Old Bolshevik who had lived in London and was the first Soviet representative there in 1917–18 "
            "until his deportation. As deputy commissar for foreign affairs in the 1920s he handled much of "
            "the day-to-day diplomacy; in May 1927 he handed the British chargé d'affaires Moscow's answer "
            "to the break, denying the charges and blaming the rupture on British failure in China. In 1930 "
            "he succeeded Chicherin as commissar, a post he held until 1939."
        ),
        source_ids=(
            "enc-oxford-litvinov;enc-britannica-concise-litvinov;enc-universal-lexikon-litvinov;"
            "enc-prabook-chicherin;news-hokitika-guardian-1927-05-30-raid-results"
        ),
        reason="Issue 15 item 4: Litvinov's position in 1927 (already an event, ev-1927-05-28-soviet-reply-to-rupture; now in his role).",
    ),
    dict(
        person_id="krasin",
        field="role",
        new=(
            "Engineer and Bolshevik who led Soviet trade diplomacy in the West and signed the 1921 trade "
            "agreement in London, where he stayed as the Soviet representative until 1923 (a 1926 obituary "
            "cable says July 1924). After a spell in Paris he returned as head of the London mission from "
            "late 1925, trying to win over the City; in October 1926 he assured Chamberlain that Moscow "
            "sincerely wanted to remove the causes of friction, an assurance the British later set against "
            "the Soviet press campaign. Illness kept him away for long periods and he died in London on "
            "24 November 1926."
        ),
        source_ids=(
            "news-taranaki-daily-news-1926-11-26-death-of-m-krassin;news-star-christchurch-1926-11-26-krassin-leaves-fortune;"
            "enc-wikipedia-leonid-krasin;news-time-1923-08-13-krassin-out;news-time-1925-12-21-bugle-blast;gorodetsky1977-ch5;"
            "enc-maisky-memoir;doc-googlebooks-wW4MAQAAIAAJ-british-note-feb-1927"
        ),
        reason="Issue 15 item 4: Krasin's position (already an event, ev-1926-10-01-krasin-assurance-to-chamberlain; now in his role).",
    ),
    dict(
        person_id="rakovsky",
        field="role",
        new=(
            "Bulgarian-born revolutionary and former head of the Ukrainian Soviet government, sent to London "
            "in 1923 despite British objections, at a time when Moscow's first aim abroad was to end its "
            "isolation through trade. He led the Soviet side at the 1924 Anglo-Soviet conference and acted as "
            "chargé d'affaires after recognition, before moving to Paris in autumn 1925. A Trotsky supporter, "
            "he was later expelled, tried in 1938 and shot in 1941."
        ),
        source_ids=(
            "enc-spartacus-rakovsky;enc-wikipedia-rakovsky;enc-treccani-rakovsky;news-time-1924-05-19-anglo-russian;"
            "news-spectator-1923-08-11-objection-to-rakovsky;news-time-1927-10-31-sneaked-away;gorodetsky1977-ch1;"
            "web-marxists-fagan-rakovsky"
        ),
        reason="Issue 15 item 4: the purpose of Rakovsky's London mission (Fagan's biographical introduction).",
    ),
    dict(
        person_id="rosengoltz",
        field="role",
        new=(
            "Bolshevik and former Red Army commissar who worked at the Soviet mission in London in 1926–27 "
            "and acted as chargé d'affaires. Chamberlain received him in July 1926 to set out the British "
            "conditions for better relations, and on 13 May 1927 to hear his protest against the Arcos raid. "
            "Telegrams from the Soviet chargé d'affaires in London to Moscow, read by British codebreakers, "
            "were quoted in the Commons and printed in Cmd. 2874. He was expelled when relations were broken "
            "and left London in early June 1927."
        ),
        source_ids=(
            "gorodetsky1977-ch5;hc-1926-07-05-diplomatic-agreement;hc-1927-05-25-arcos-limited-police-search;"
            "news-time-1927-06-13-reds-go;news-nz-herald-1927-06-09-details-of-the-crime;enc-wikipedia-rosengolts;"
            "doc-cmd2874-googlebooks;book-aldrich-black-door"
        ),
        reason=(
            "Issue 15 item 4: the intercepted telegrams. The sources name the sender as 'the Soviet chargé "
            "d'affaires in London'; the link to Rosengoltz rests on his holding that post (Feb.–May 1927) in the existing role."
        ),
    ),
    dict(
        person_id="trotsky",
        field="role",
        new=(
            "First Soviet commissar for foreign affairs (1917–18) and founder of the Red Army, later defeated "
            "by Stalin. In 1926–27 he attacked the majority's alliance with the TUC leaders in the "
            "Anglo-Russian trade-union committee as a betrayal of revolutionary policy, and after the British "
            "break renewed the attack and was censured. He was expelled from the party in 1927, deported in "
            "1929 and murdered in Mexico in 1940. Rakovsky was among his allies."
        ),
        source_ids=(
            "enc-gulag-glossary;enc-wikipedia-trotsky;enc-soviethistory-trotsky-1917;enc-marxists-fr-chicherin;"
            "doc-trotsky-my-life-arc;doc-trotsky-1927-ccc-speech;news-time-1927-06-13-trotzky-v-stalin"
        ),
        reason="Issue 15 item 4: Trotsky's position on the Anglo-Russian committee and British policy.",
    ),
    dict(
        person_id="zinoviev",
        field="role",
        new=(
            "Bolshevik leader and chairman of the Communist International from 1919 to 1926, in whose name "
            "the 'Zinoviev letter' of 1924 urged British communists towards subversion; the letter is now "
            "generally judged a forgery. After joining the opposition to Stalin he was removed from the "
            "Politburo in July 1926 and lost his Comintern post late that year; he was executed in 1936."
        ),
        source_ids=(
            "enc-wikipedia-zinoviev;enc-worldwar1info-zinoviev;enc-marxdic-zinoviev;enc-oxford-kamenev;"
            "enc-wikipedia-zinoviev-letter;news-time-1926-12-06-molting-hero;doc-stalin-works-8-july-1926-plenum"
        ),
        reason="Issue 15 item 4: the July 1926 plenum that dropped him from the Politburo after the quarrel over Britain.",
    ),
    dict(
        person_id="stalin",
        field="role",
        new=(
            "General Secretary of the Soviet Communist Party from 1922 who defeated his rivals in the party "
            "during the 1920s and increasingly controlled Soviet policy, including the Comintern, by the end "
            "of the decade. With Bukharin he upheld the bloc with the TUC leaders in the Anglo-Russian "
            "committee against the opposition's attacks, and in July 1927 he publicly declared the threat "
            "of war against the USSR real, then made the defence of the country the test of the "
            "opposition's loyalty. His birth year is given as 1878 in modern reference works and "
            "1879 in official Soviet ones."
        ),
        source_ids=(
            "enc-wikipedia-stalin;enc-answers-stalin;enc-europeanproceedings-stalin;enc-oxford-kamenev;carlton1970;"
            "doc-trotsky-my-life-arc;chap-erickson-soviet-preoccupations-war;doc-stalin-works-10-july-august-1927-plenum"
        ),
        reason=(
            "Issue 15 item 4: Stalin's side of the Politburo quarrel over Britain. The bloc claim rests on his "
            "opponent Trotsky's memoir (a hostile but primary witness); the July 1927 statement on Erickson."
        ),
    ),
]

PEOPLE_NEW = [
    dict(
        person_id="rykov",
        name="Alexei Rykov",
        alt_names="Rykoff",
        born="",
        died="",
        side="Soviet",
        role=(
            "Soviet leader who in 1927 was President of the Council of People's Commissars, that is, head "
            "of the Soviet government. In spring 1927 he said publicly that Moscow wanted, and thought it "
            "feasible, to ease relations with Britain through talks; the British "
            "Government answered that there could be no talks until Soviet propaganda stopped."
        ),
        source_ids="hc-1927-05-05-anglo-russian-relations",
        verified_by="primary",
    ),
]

ORGS_NEW = [
    dict(
        org_id="gccs",
        name="Government Code and Cypher School",
        alt_names="GC&CS;codebreakers",
        kind="ministry",
        country="Britain",
        description=(
            "British codebreaking bureau formed in 1919, officially to advise on the security of "
            "government codes and in secret to read foreign governments' cipher messages; it read "
            "Soviet telegrams until the Government's disclosures of May 1927 led Moscow to change "
            "its systems."
        ),
        source_ids="article-mckay-1997-british-sigint;book-aldrich-black-door",
    ),
]

ORG_EDITS = [
    dict(
        org_id="narkomindel",
        field="description",
        new=(
            "The Soviet foreign ministry, headed by Chicherin until 1930 and then by Litvinov. Its diplomats "
            "sought normal relations and trade with capitalist states while the Comintern carried on "
            "revolutionary propaganda abroad; historians differ on how far the commissariat opposed that "
            "work or could restrain it."
        ),
        source_ids=(
            "enc-wikipedia-chicherin;enc-oxford-litvinov;hc-1924-02-20-death-of-m-lenin;"
            "article-kocho-williams-engaging-the-world;book-service-spies-and-commissars"
        ),
        reason="Issue 15 item 4: Narkomindel–Comintern tension (see d-19-narkomindel-comintern).",
    ),
    dict(
        org_id="politburo",
        field="description",
        new=(
            "The small inner leadership body of the ruling Communist Party, where the real decisions of "
            "Soviet policy were taken; it argued over British questions itself, as in its long session of "
            "3 June 1926 on the general strike, and Stalin used it to remove his rivals."
        ),
        source_ids=(
            "enc-wikipedia-zinoviev;enc-degras-ecci-1926-zinoviev;news-time-1926-12-06-molting-hero;"
            "web-kocho-williams-soviet-union-general-strike"
        ),
        reason="Issue 15 item 4: the Politburo's debates over the strike (ev-1926-06-03-politburo-debates-strike).",
    ),
    dict(
        org_id="comintern",
        field="description",
        new=(
            "The world organisation of communist parties, founded in Moscow in 1919 and led by Zinoviev until "
            "1926; its propaganda abroad cut across the diplomacy of the Soviet foreign commissariat, and "
            "Britain held the Soviet government responsible for it."
        ),
        source_ids=(
            "enc-wikipedia-zinoviev;enc-wikipedia-zinoviev-letter;hc-1926-11-24-russian-trade-agreement-breaches;"
            "article-kocho-williams-engaging-the-world;chap-fischer-russia-foreign-policy-versus-comintern"
        ),
        reason="Issue 15 item 4: Narkomindel–Comintern tension.",
    ),
]

DISPUTES = [
    dict(
        dispute_id="d-18-strike-revolution",
        question="Did Moscow try to turn the British general strike of 1926 into a revolution?",
        lesson="04-general-strike-1926",
        pack_follows="c-18-b",
        reason=(
            "The British case rested on the money sent from Soviet unions, which ministers treated as "
            "state money. The Politburo's own record, as described by Kocho-Williams, shows leaders caught "
            "unprepared and then quarrelling over what the strike meant, while Trotsky's opposition "
            "blamed them for being too tied to the TUC leaders. The pack follows the evidence of surprise "
            "and division but keeps the question open, since the stenogram is known here only through one "
            "paper."
        ),
        source_ids=(
            "web-kocho-williams-soviet-union-general-strike;doc-trotsky-my-life-arc;doc-trotsky-1927-ccc-speech;"
            "gorodetsky1977-ch5;hc-1926-12-13-mr-a-j-cook"
        ),
    ),
    dict(
        dispute_id="d-19-narkomindel-comintern",
        question=(
            "Did the Soviet foreign commissariat (Narkomindel) oppose the Comintern's revolutionary "
            "work abroad, or only want it kept out of sight?"
        ),
        lesson="08-interpretations",
        pack_follows="",
        reason=(
            "Good historians read the same relationship differently: as two lines of policy at odds, "
            "with the diplomats unable to stop propaganda that harmed them; as a division of labour in "
            "which Chicherin shared the revolutionary aim and asked only for discretion; or as two "
            "instruments of one party strategy. The pack sets out all three for students to test against "
            "the documents."
        ),
        source_ids=(
            "article-kocho-williams-engaging-the-world;book-service-spies-and-commissars;"
            "article-foreign-affairs-1941-narkomindel-comintern;chap-fischer-russia-foreign-policy-versus-comintern"
        ),
    ),
]

CLAIMS = [
    dict(
        claim_id="c-18-a",
        dispute_id="d-18-strike-revolution",
        value=(
            "In effect yes, said the British Government: the Soviet state let its unions send money for the "
            "strike and was answerable for it, Soviet unions and state being one controlling authority"
        ),
        source_ids="hc-1926-12-13-mr-a-j-cook;news-evening-post-1926-09-02-soviet-gold",
        note=(
            "The Government's case as recorded in ev-1926-06-17-home-secretary-statement-russian-money "
            "(sources verified by an earlier helper and not re-opened here). It charged state backing, not a "
            "proven plan for revolution."
        ),
    ),
    dict(
        claim_id="c-18-b",
        dispute_id="d-18-strike-revolution",
        value=(
            "No: Soviet leaders had judged a big stoppage unlikely, were taken by surprise, and afterwards "
            "disagreed about what the strike had shown"
        ),
        source_ids="web-kocho-williams-soviet-union-general-strike",
        note="Based on the Politburo stenogram of 3 June 1926 as described in the paper; the stenogram itself was not read.",
    ),
    dict(
        claim_id="c-18-c",
        dispute_id="d-18-strike-revolution",
        value=(
            "Not enough, said the Soviet opposition: the majority tied itself to the TUC leaders through the "
            "Anglo-Russian committee instead of following a revolutionary line"
        ),
        source_ids="doc-trotsky-my-life-arc;doc-trotsky-1927-ccc-speech",
        note="Trotsky's own polemic and memoir: evidence of the quarrel in Moscow, not a neutral verdict.",
    ),
    dict(
        claim_id="c-18-d",
        dispute_id="d-18-strike-revolution",
        value=(
            "Diplomacy came first: aware that the strike had damaged relations, Moscow turned to conciliation "
            "and gave its trade-union alliance a largely defensive, diplomatic purpose"
        ),
        source_ids="gorodetsky1977-ch5;gorodetsky1977-conclusions",
        note="From the publisher's chapter summaries of Gorodetsky (seed texts), not the full chapters.",
    ),
    dict(
        claim_id="c-19-a",
        dispute_id="d-19-narkomindel-comintern",
        value=(
            "Yes: diplomacy and Comintern propaganda were at odds to the point of excluding each other, and "
            "the diplomats could not restrain the propaganda that harmed their work"
        ),
        source_ids="article-kocho-williams-engaging-the-world;chap-fischer-russia-foreign-policy-versus-comintern",
        note="Fischer's chapter (abstract seen) speaks of economists and diplomats frustrated by Zinoviev's Comintern.",
    ),
    dict(
        claim_id="c-19-b",
        dispute_id="d-19-narkomindel-comintern",
        value=(
            "Only its exposure: Chicherin wanted world revolution as much as Zinoviev and asked mainly that "
            "clandestine work be kept apart from the embassies and not be caught"
        ),
        source_ids="book-service-spies-and-commissars",
        note="Service's account in the passage read concerns 1919–20; he adds that the separation was never neat in practice.",
    ),
    dict(
        claim_id="c-19-c",
        dispute_id="d-19-narkomindel-comintern",
        value=(
            "Neither: both were instruments of one party strategy, the Narkomindel for relations with states "
            "and the Comintern for class war abroad, used as tactics required"
        ),
        source_ids="article-foreign-affairs-1941-narkomindel-comintern",
        note="A wartime (1941) analysis; author not shown on the page seen.",
    ),
    dict(
        claim_id="c-19-d",
        dispute_id="d-19-narkomindel-comintern",
        value=(
            "Moscow's official answer: the Comintern was wholly independent of the Soviet government, which "
            "could neither expel it nor put pressure on it"
        ),
        source_ids="news-time-1924-12-08-reply-to-britain",
        note="Chicherin's reply to Chamberlain, late 1924: the position the British Government always rejected.",
    ),
    dict(
        claim_id="c-12-d",
        dispute_id="d-12-war-scare",
        value=(
            "Whatever leaders believed, the scare did not stay a party quarrel: it spread into Soviet economic "
            "policy and the regime's fear of the peasantry"
        ),
        source_ids="book-jacobson-1994;article-spsr-1927-war-scare",
        note="New claim for the existing dispute d-12 (issue 15 item 4: the war scare as Moscow used it at home).",
    ),
    dict(
        claim_id="c-12-e",
        dispute_id="d-12-war-scare",
        value=(
            "Used at home, said the opposition at the time: the majority deliberately bound the war danger to "
            "its campaign against Trotsky and Zinoviev"
        ),
        source_ids="doc-trotsky-1927-08-01-war-danger;doc-stalin-works-10-july-august-1927-plenum",
        note=(
            "Trotsky's introduction to his speech of 1 Aug. 1927 (partisan); Stalin's speeches at the same plenum "
            "show the defence of the USSR being made the test of the opposition's sincerity. New claim for d-12."
        ),
    ),
]

REFS = [
    dict(
        ref_id="article-kocho-williams-engaging-the-world",
        kind="article",
        citation=(
            "Alastair Kocho-Williams, 'Engaging the World: Soviet Diplomacy and Foreign Propaganda in the "
            "1920s' (working paper, University of the West of England, version of 4 December 2007)"
        ),
        author="Alastair Kocho-Williams",
        year="2007",
        title="Engaging the World: Soviet Diplomacy and Foreign Propaganda in the 1920s",
        publisher="University of the West of England",
        url="http://www.uwe.ac.uk/hlss/history/sovietdiplomats1920s.pdf",
        note=(
            "Address as printed on the paper itself; the text was read in a copy at "
            "vdocument.in (engaging-the-world-soviet-diplomacy-and-foreign-propaganda-in-engaging-the-world). "
            "Argues that Narkomindel diplomacy and Comintern propaganda were at odds and that the Narkomindel "
            "could not restrict propaganda."
        ),
        tier="scholarly",
    ),
    dict(
        ref_id="book-jacobson-1994",
        kind="book",
        citation="Jon Jacobson, When the Soviet Union Entered World Politics (Berkeley: University of California Press, 1994)",
        author="Jon Jacobson",
        year="1994",
        title="When the Soviet Union Entered World Politics",
        publisher="University of California Press",
        url="https://publishing.cdlib.org/ucpressebooks/view?chunk.id=d0e3650&doc.view=print&docId=ft009nb0bb",
        note=(
            "UC Press E-Books Collection (open). Section 'The War Scare of 1927', in the chapter before ch. 10 "
            "'Economy, Politics, and Diplomacy in Crisis'; page numbers not seen."
        ),
        tier="scholarly",
    ),
    dict(
        ref_id="doc-trotsky-my-life-arc",
        kind="document",
        citation=(
            "L. Trotsky, My Life (1930), passage on the Anglo-Russian Committee, as printed in Leon Trotsky's "
            "Writings on Britain, vol. 2 (Marxists Internet Archive)"
        ),
        author="Leon Trotsky",
        year="1930",
        title="My Life (extract: the Anglo-Russian Committee)",
        container="Leon Trotsky's Writings on Britain, vol. 2",
        url="https://www.marxists.org/archive/trotsky/britain/v2/ch02i.htm",
        note="Memoir of a participant and opponent of Stalin; says Stalin, Bukharin and at first Zinoviev saw the bloc with the General Council as a crowning achievement.",
        tier="primary",
    ),
    dict(
        ref_id="doc-trotsky-1927-ccc-speech",
        kind="document",
        citation=(
            "L. Trotsky, speech to a session of the Central Control Commission (June 1927), in Leon Trotsky's "
            "Writings on Britain, vol. 2 (Marxists Internet Archive)"
        ),
        author="Leon Trotsky",
        year="1927",
        title="The Anglo-Russian Committee: from a speech to a session of the Central Control Commission",
        container="Leon Trotsky's Writings on Britain, vol. 2",
        url="https://www.marxists.org/archive/trotsky/britain/v2/ch02e.htm",
        note="Dated only 'June 1927'. English translation as published in that edition (translator not noted on the page seen).",
        tier="primary",
    ),
    dict(
        ref_id="news-time-1924-12-08-reply-to-britain",
        kind="newspaper",
        citation="Time (New York), 8 December 1924, 'Reply to Britain'",
        year="1924",
        title="Reply to Britain",
        container="Time (New York)",
        url="http://610211.6jhxt.group/txt/time/Time1924/1924-12-08/719576.html",
        note="Text copy on a mirror site (like the other Time rows). Quotes Chicherin's second reply on the Comintern's independence.",
        tier="primary",
    ),
    dict(
        ref_id="news-hokitika-guardian-1924-11-24-british-politics",
        kind="newspaper",
        citation="Hokitika Guardian, 24 November 1924, 'British Politics' (Reuters cable, London, 22 Nov.)",
        year="1924",
        title="British Politics",
        container="Hokitika Guardian",
        url="https://dynamic-rsnz.natlib.govt.nz/newspapers/HOG19241124.2.18.5",
        note="Cable summary of Chamberlain's note to Rakovsky on the Zinoviev letter and Comintern propaganda. OCR text; not for quotation.",
        tier="primary",
    ),
    dict(
        ref_id="hc-1927-05-05-anglo-russian-relations",
        kind="hansard",
        citation="HC Deb 05 May 1927 vol 205 cc1761–2",
        year="1927",
        title="Anglo-Russian Relations",
        container="Hansard",
        publisher="UK Parliament",
        volume="205",
        house="HC",
        sitting_date="1927-05-05",
        columns="cc1761–2",
        url="https://api.parliament.uk/historic-hansard/commons/1927/may/05/anglo-russian-relations",
        note="Debate title taken from the URL slug. Wedgwood's question on Rykov's offer; Godfrey Locker-Lampson's answer.",
        tier="primary",
    ),
    dict(
        ref_id="doc-stalin-works-8-july-1926-plenum",
        kind="document",
        citation=(
            "J. V. Stalin, Works, vol. 8 (Moscow: Foreign Languages Publishing House, 1954): speech on the "
            "Anglo-Russian Unity Committee at the joint plenum of the CC and CCC, July 1926, with the editors' notes"
        ),
        author="J. V. Stalin",
        year="1954",
        title="Works, vol. 8: joint plenum of the CC and CCC, July 1926 (editors' notes)",
        publisher="Foreign Languages Publishing House",
        url="http://ciml.250x.com/archive/comintern/ci_fifth_congress_stalin_july_1926.html",
        note=(
            "Read on a site reproducing Stalin's Works; the editors' note gives the plenum's dates (14–23 July 1926), "
            "agenda and decisions. Official Soviet edition: use as the regime's own record."
        ),
        tier="primary",
    ),
    dict(
        ref_id="doc-stalin-works-8-1926-08-07-arc",
        kind="document",
        citation=(
            "J. V. Stalin, 'The Anglo-Russian Unity Committee', speech at a meeting of the Presidium of the "
            "E.C.C.I., 7 August 1926, in Works, vol. 8 (Moscow: Foreign Languages Publishing House, 1954)"
        ),
        author="J. V. Stalin",
        year="1926",
        title="The Anglo-Russian Unity Committee",
        container="Works, vol. 8",
        publisher="Foreign Languages Publishing House",
        url="http://marxism.halkcephesi.net/Stalin/works/1926/anglo-russian-unity2.htm",
        note="Read on a site reproducing the 1954 English edition of the Works.",
        tier="primary",
    ),
    dict(
        ref_id="doc-stalin-works-10-july-august-1927-plenum",
        kind="document",
        citation=(
            "J. V. Stalin, speeches at the joint plenum of the CC and CCC, 29 July–9 August 1927 ('The "
            "International Situation and the Defence of the U.S.S.R.', 1 Aug.; 'With Reference to the "
            "Opposition's Declaration of August 8', 9 Aug.), in Works, vol. 10 (Moscow, 1954)"
        ),
        author="J. V. Stalin",
        year="1927",
        title="Joint Plenum of the Central Committee and Central Control Commission, July 29–August 9, 1927",
        container="Works, vol. 10",
        publisher="Foreign Languages Publishing House",
        url="https://www.marxists.org/reference/archive/stalin/works/1927/07/29.htm",
        note=(
            "Marxists Internet Archive path; the text was read on the marxists-malta.org mirror of that page "
            "(1 Aug. speech, opening) and, for the 9 Aug. speech, on a blog repost of the Works text "
            "(neodemocracy.blogspot.com)."
        ),
        tier="primary",
    ),
    dict(
        ref_id="doc-trotsky-1927-08-01-war-danger",
        kind="document",
        citation=(
            "L. Trotsky, 'The War Danger – The Defense Policy and the Opposition', speech at the joint plenum "
            "of the CC and CCC, 1 August 1927, with the author's introduction, in The Stalin School of Falsification"
        ),
        author="Leon Trotsky",
        year="1927",
        title="The War Danger – The Defense Policy and the Opposition",
        container="The Stalin School of Falsification",
        url="https://marxist.com./the-stalin-school-of-falsification/the-war-danger-–-the-defense-policy-and-the-opposition.htm",
        note="The introduction (written later by Trotsky) says the war danger was deliberately interlaced with the question of the opposition. Partisan.",
        tier="primary",
    ),
    dict(
        ref_id="news-time-1927-06-13-trotzky-v-stalin",
        kind="newspaper",
        citation="Time (New York), 13 June 1927, 'Trotzky v. Stalin'",
        year="1927",
        title="Trotzky v. Stalin",
        container="Time (New York)",
        url="http://softbeam.net/txt/time/Time1927/1927-06-13/730694.html",
        note="Text copy on a mirror site (like the other Time rows); the article is Time's own report of 1927.",
        tier="primary",
    ),
    dict(
        ref_id="hc-1927-05-30-documents-command-paper-2874",
        kind="hansard",
        citation="HC Deb 30 May 1927, 'Documents (Command Paper 2874)'",
        year="1927",
        title="Documents (Command Paper 2874)",
        container="Hansard",
        publisher="UK Parliament",
        house="HC",
        sitting_date="1927-05-30",
        url="https://api.parliament.uk/historic-hansard/commons/1927/may/30/documents-command-paper-2874",
        note="Volume and columns not seen. Kenworthy's questions; Chamberlain declines on grounds of public interest; Thurtle asks about espionage.",
        tier="primary",
    ),
    dict(
        ref_id="book-aldrich-black-door",
        kind="book",
        citation=(
            "Richard Aldrich [and Rory Cormac], The Black Door: Spies, Secret Intelligence and British Prime "
            "Ministers (HarperCollins; ISBN 9780007555451)"
        ),
        author="Richard Aldrich",
        title="The Black Door: Spies, Secret Intelligence and British Prime Ministers",
        publisher="HarperCollins",
        url="",
        note=(
            "Chapter on the 1920s (Baldwin and the Arcos raid). Read in an online copy of the book's text "
            "(librs.net / newlib.net) that is not an authorised edition, so no address is recorded; the page "
            "seen names Richard Aldrich and the ISBN; co-author and year to be checked against the "
            "publisher's record before merging. Quotes Christopher Andrew on the May 1927 debates."
        ),
        tier="scholarly",
    ),
    dict(
        ref_id="book-service-spies-and-commissars",
        kind="book",
        citation="Robert Service, Spies and Commissars: Bolshevik Russia and the West (London: Macmillan)",
        author="Robert Service",
        title="Spies and Commissars: Bolshevik Russia and the West",
        url="",
        note=(
            "Chapter on the Comintern's early years (1919–20). Read in an online copy of the text (libcat.ru) "
            "that is not an authorised edition, so no address is recorded; year and publisher to be checked."
        ),
        tier="scholarly",
    ),
    dict(
        ref_id="web-coldspur-sonias-radio-iv",
        kind="web",
        citation="coldspur (blog), 'Sonia's Radio – Part IV'",
        title="Sonia's Radio – Part IV",
        container="coldspur",
        url="http://www.coldspur.com/sonias-radio-part-iv/",
        note="Blog essay; says the Soviets adopted one-time pads for diplomatic and intelligence traffic after Baldwin's 1927 disclosures. Used only beside Aldrich.",
        tier="web",
    ),
    dict(
        ref_id="article-mckay-1997-british-sigint",
        kind="article",
        citation=(
            "C. G. McKay, 'British SIGINT and the Bear, 1919–1941: some discoveries in the GC&CS archive', "
            "Kungl. Krigsvetenskapsakademiens Handlingar och Tidskrift, no. 2 (1997)"
        ),
        author="C. G. McKay",
        year="1997",
        title="British SIGINT and the Bear, 1919–1941",
        container="Kungl. Krigsvetenskapsakademiens Handlingar och Tidskrift",
        volume="2",
        url="http://www.kkrva.se/wp-content/uploads/Artiklar/972/british_sigint.html",
        note="Used for GC&CS's foundation (1919, within the Admiralty) and its open and secret tasks.",
        tier="scholarly",
    ),
    dict(
        ref_id="chap-fischer-russia-foreign-policy-versus-comintern",
        kind="chapter",
        citation=(
            "Ruth Fischer, 'Russia's foreign policy versus the Comintern', chapter of Stalin and German "
            "Communism (Routledge reissue with John Leggett, doi 10.4324/9781315130200-25), abstract"
        ),
        author="Ruth Fischer",
        title="Russia's foreign policy versus the Comintern",
        container="Stalin and German Communism",
        publisher="Routledge",
        url="https://www.taylorfrancis.com/chapters/mono/10.4324/9781315130200-25/russia-foreign-policy-versus-comintern-ruth-fischer-john-leggett",
        note="Only the publisher's abstract was read. Fischer was a former German communist leader: a participant as well as a historian.",
        tier="scholarly",
    ),
    dict(
        ref_id="article-spsr-1927-war-scare",
        kind="article",
        citation=(
            "'The 1927 Soviet War Scare: The Foreign Affairs-Domestic Policy Nexus Revisited', The Soviet and "
            "Post-Soviet Review 39, no. 2, p. 145ff (Brill), abstract"
        ),
        title="The 1927 Soviet War Scare: The Foreign Affairs-Domestic Policy Nexus Revisited",
        container="The Soviet and Post-Soviet Review",
        publisher="Brill",
        volume="39",
        pages="145–",
        url="https://brill.com/abstract/journals/spsr/39/2/article-p145_2.xml",
        note="Only the abstract was read; author and year are not shown on the page seen and must be added before merging.",
        tier="scholarly",
    ),
    dict(
        ref_id="web-marxists-fagan-rakovsky",
        kind="web",
        citation="Gus Fagan, 'Biographical Introduction to Christian Rakovsky: Soviet Diplomat (1923–7)', Marxists Internet Archive",
        author="Gus Fagan",
        title="Biographical Introduction to Christian Rakovsky: Soviet Diplomat (1923–7)",
        container="Marxists Internet Archive",
        url="http://www.marxists.org/archive/rakovsky/biog/biog4.htm",
        note="Editor's biographical introduction to Rakovsky's writings; sympathetic to its subject. Used only beside the existing sources.",
        tier="web",
    ),
    dict(
        ref_id="article-foreign-affairs-1941-narkomindel-comintern",
        kind="article",
        citation="'Narkomindel and Comintern', Foreign Affairs, July 1941",
        year="1941",
        title="Narkomindel and Comintern",
        container="Foreign Affairs",
        url="https://www.foreignaffairs.com/articles/russian-federation/1941-07-01/narkomindel-and-comintern",
        note="Opening of the article read; author not shown on the page seen.",
        tier="scholarly",
    ),
]

if __name__ == "__main__":
    write("15d-events.csv", header("events"), EVENTS)
    write("15d-people.csv", header("people"), PEOPLE_NEW)
    write("15d-people-edits.csv", ["person_id", "field", "new", "source_ids", "reason"], PEOPLE_EDITS)
    write("15d-organisations.csv", header("organisations"), ORGS_NEW)
    write("15d-organisations-edits.csv", ["org_id", "field", "new", "source_ids", "reason"], ORG_EDITS)
    write("15d-disputes.csv", header("disputes"), DISPUTES)
    write("15d-dispute-claims.csv", header("dispute_claims"), CLAIMS)
    write("15d-new-references.csv", header("references") + ["tier"], REFS)
    print("written")
