"""Append the issue 15 task B extracts (direct Soviet texts, branch i15) to the research drafts.

Run from the worktree root: python3 research/build_i15_extracts.py   (then scripts/import_issue15.py)

Re-runnable: a row whose id is already in a draft is left alone (edit it there, or delete it and re-run).
``words`` is computed here (``len(text.split())``), never typed by hand. Every text was copied from the page
text the search tool returned for the page named in ``verified_by`` (opened 2026-12-05); cuts are marked
``[…]``; the only changes are the OCR/transcription corrections listed in each row's ``note``.
"""

import csv
from pathlib import Path

HERE = Path(__file__).parent
OPENED = "2026-12-05"
DW = "https://www.historyworm.com/gazete/daily_worker"
WS = "https://en.wikisource.org/wiki/Page:Georgy_Vasilyevich_Chicherin_-_Two_Years_of_Foreign_Policy_(1920).pdf"
WS_M = "https://en.m.wikisource.org/wiki/Page:Georgy_Vasilyevich_Chicherin_-_Two_Years_of_Foreign_Policy_(1920).pdf"
CHICHERIN_PAMPHLET = (
    "G. Chicherin, Two Years of Foreign Policy. The Relations of the Russian Socialist Federal Soviet Republic "
    "with Foreign Nations, from November 7, 1917, to November 7, 1919 (Soviet Russia Pamphlets, No. 3; New York: "
    "The Russian Soviet Government Bureau, 1920)"
)
CHICHERIN_TRANSLATION = (
    "English text published by the Russian Soviet Government Bureau (New York), the Soviet government's "
    "information office in the United States, in 1920; translator not named"
)


def opened(*urls: str) -> str:
    return "; ".join(f"opened {u} on {OPENED}" for u in urls) + "; re-read before commit on " + OPENED


EXTRACTS = [
    dict(
        extract_id="ex-1925-06-chicherin-combinations-against-us",
        title="Chicherin to the Congress of Soviets: the great powers' 'united front against us' and the Franco-British rivalry",
        author="chicherin",
        side="soviet",
        date="1925-01-01",
        date_precision="year",
        text=(
            "The Combinations of the Great Powers. EVERYWHERE, no matter where we look, in the last resort we "
            "encounter the chief combinations of world politics, that is, the world politics of the great powers "
            "which are stretching out their feelers in all directions, which are active in Poland, in our western "
            "neighboring states and in the whole of the Near and Far East. And here in these main combinations of "
            "world politics we can distinguish two categories, two important, one could say, antagonistic "
            "tendencies. The one category consists in the formation of a united front against us. The combinations "
            "of the other kind consist in the efforts, arising out of the antagonism of the great powers and which "
            "seek to draw us into one or the other combinations of the capitalist states. For example, in France in "
            "the press and in the statements of statesmen in the period of Herriot government—of course not of "
            "Herriot himself—the following combination was contemplated: France against England, that is, France "
            "and Russia along with Poland and Japan against England, which latter on her part is allied with "
            "Germany. That was one of the recent combinations, while at the same time other combinations existed, "
            "for example, Germany along with us, etc. In the complicated political situation in which we have to "
            "conduct our policy of peace, our policy of creating peaceable relations upon the basis of the right "
            "of determination of the peoples, we stand between these two categories of international combinations […]"
        ),
        original_language="ru",
        translation="English text as printed in The Daily Worker (Chicago), 13 June 1925, p. 7; translator not named",
        published_in=(
            "The Daily Worker (Chicago), 13 June 1925, p. 7, 'The Soviet Union and Great Britain', extract from "
            "Chicherin's report on the foreign political situation to the Third Congress of the Soviet Union "
            "(text read in a copy named in verified_by)"
        ),
        source_ids="news-dailyworker-1925-06-13-chicherin-soviet-union-great-britain",
        url="",
        verified_by=opened(f"{DW}/1925-06-13/7"),
        note=(
            "The paper's note: 'We print below that portion of Comrade Chicherin's Foreign Political Report dealing "
            "with the relations of the Soviet Union to England.' The Third Congress of Soviets met in 1925; its "
            "date is not printed on the page, so year precision. OCR corrections (the only changes): 'JG\\VERYWHERE' "
            "-> 'EVERYWHERE' (drop capital); 'where : we -look, in -the' -> 'where we look, in the'; line-break "
            "hyphens rejoined (Po- land, anta- gonistic, Herri- ot, ex- isted, situa- tion, peo- ples, combina- "
            "tions); 'capt- talist' -> 'capitalist'; 'contemplated::' -> 'contemplated:'. The page text breaks off "
            "at 'combina- tions: uni'; the extract ends before it."
        ),
        lesson="02-doing-nothing-1925",
        check="verbatim-ok apart from the OCR corrections listed in note (compared by script against the page text)",
        voice="direct",
    ),
    dict(
        extract_id="ex-1925-12-rykov-league-of-nations",
        title="Rykov on the League of Nations: 'an instrument of war and not of peace'",
        author="rykov",
        side="soviet",
        date="1925-12-01",
        date_precision="month",
        text=(
            "The League of Nations an Instrument of War and not of Peace.\n"
            "Judging by the expressions of opinion of a number of responsible statesmen of the bourgeois world, "
            "plans have been made for a whole series of conferences of an economic and political character in the "
            "immediate future. The bourgeoisie is endeavouring to bridge over in some way the antagonisms which "
            "exist and those which are maturing, in order, as they love to express it, “to establish peace in "
            "Europe”.\n"
            "This enormous number of conferences, treaties and agreements between the separate States do not and "
            "cannot in any way solve the questions of vital interest to capitalism, neither can they, in the "
            "slightest degree, prevent the danger of war.\n"
            "It is very symptomatic that in recent times, the bourgeois and Menshevist Press as well as statesmen of "
            "great repute have begun to invite the Soviet Union also to join the “League of Nations”. It was "
            "especially pleasing to read invitations of this kind in English newspapers […]"
        ),
        original_language="ru",
        translation=(
            "English text as printed in International Press Correspondence (the Comintern's English bulletin) "
            "vol. 5 no. 89, 24 December 1925; translator not named"
        ),
        published_in=(
            "A. Rykov, 'The Soviet Union and the League of Nations', International Press Correspondence vol. 5 "
            "no. 89, 24 December 1925, as transcribed on revolutionsnewsstand.com (2024)"
        ),
        source_ids="news-inprecorr-1925-12-24-rykov-league-of-nations",
        url=(
            "https://revolutionsnewsstand.com/2024/05/02/the-soviet-union-and-the-league-of-nations-by-alexei-rykov-"
            "from-international-press-correspondence-vol-5-no-89-december-24-1925"
        ),
        verified_by=opened(
            "https://revolutionsnewsstand.com/2024/05/02/the-soviet-union-and-the-league-of-nations-by-alexei-rykov-"
            "from-international-press-correspondence-vol-5-no-89-december-24-1925"
        ),
        note=(
            "Inprecorr's note: 'a verbatim report of that part of Comrade Rykov's great speech on the activities of "
            "the Central Committee of the C.P. of Russia at the party conference in the Moscow governmental "
            "district, which deals with the relations between the Soviet Union and the League of Nations'. The "
            "speech was made before 24 December 1925 (month precision). The first line is Inprecorr's subheading. "
            "The page text breaks off at 'which have hitherto regarded t'; the extract ends before it. Answers the "
            "British and Locarno-era invitations to join the League (compare Chicherin's Observer interview of "
            "December 1925)."
        ),
        lesson="02-doing-nothing-1925",
        check="verbatim-ok (compared by script against the page text)",
        voice="direct",
    ),
    dict(
        extract_id="ex-1926-02-rakovsky-propaganda-argument",
        title="Rakovsky: the 'argument about propaganda' and the Third International",
        author="rakovsky",
        side="soviet",
        date="1926-02-01",
        date_precision="month",
        text=(
            "“Is Russia going to develop with the aid of capital from England, France or elsewhere in spite of the "
            "difficulties which foreign banks and foreign capital have put in the way of its economic development? "
            "“In any case, it is a great mistake to believe, that Russia has any more need of foreign capital than "
            "foreign industry itself has need of raw material and of Russian orders, "
            "“In order to prevent economic co-operation between Russian and England and other countries, the "
            "argument about propaganda is continually brot forward. It is useless for me to repeat here in this "
            "place the explicit statements made over and over again by my government, which regards it as the duty "
            "of loyalty in its relations with foreign powers never to interfere in their home affairs. "
            "“So far as concerns the activity of the Third International, it depends not on the Soviet government "
            "but on the general economic conditions of the world. […]"
        ),
        original_language="fr",
        translation=(
            "English text as printed in The Daily Worker (Chicago), 25 February 1926, p. 3, of an interview first "
            "published in L'Humanité (Paris); translator not named"
        ),
        published_in=(
            "The Daily Worker (Chicago), 25 February 1926, p. 3, 'No man in Russia [preaches war] says Christian "
            "Rakovsky, Soviet ambassador in Paris' (text read in a copy named in verified_by)"
        ),
        source_ids="news-dailyworker-1926-02-25-rakovsky-interview",
        url="",
        verified_by=opened(f"{DW}/1926-02-25/3"),
        note=(
            "Rakovsky, by then Soviet ambassador in Paris, interviewed by the French communist daily L'Humanité; "
            "the Daily Worker's introduction says he predicted that negotiations with Britain would be resumed. "
            "The interview's date is not printed (month of the reprint). Corrections (the only changes): "
            "line-break hyphens rejoined (ma- terial, co- operation, Eng- land, argu- ment, continu- ally, af- "
            "fairs); a stray OCR quotation mark after 'statements' removed. 'brot' is the paper's own spelling; "
            "'Russian and England', the comma after 'orders' and the unclosed quotation marks are as printed. The "
            "Daily Worker's headline is partly illegible in the OCR text. The statement that the Comintern's "
            "activity 'depends not on the Soviet government' is Moscow's standing answer (see d-19)."
        ),
        lesson="05-healing-the-breach-1926",
        check="verbatim-ok apart from the OCR corrections listed in note (compared by script against the page text)",
        voice="direct",
    ),
    dict(
        extract_id="ex-1927-03-trotsky-greased-the-ropes",
        title="Trotsky answers the British note: 'we who should have protested to Britain'",
        author="trotsky",
        side="soviet",
        date="1927-03-01",
        date_precision="month",
        text=(
            "Choosing words carefully, avoiding internal politics, yet speaking with his wonted fire, Comrade "
            "Trotzky said: \"The lands bordering the Pacific will be the scene of the world's most important "
            "events. Europe does not relish this any more than it relishes the fact that the United States has "
            "become the most dominant power in the world, expanding northward through Canada and southward through "
            "Nicaragua. . . .\n"
            '"We not only sympathize with the Chinese revolutionists, but, if we could, we would gladly drown in '
            'Shanghai waters all who intervene."\n'
            "Then referring to the recent British note of protest and warning to Russia (TIME, March 7) he "
            'concluded: "It is not Britain who should have protested to us about anti-British propaganda, but we '
            "who should have protested to Britain about her anti-Soviet propaganda. The note complained that the "
            "Soviet press had caricatured Sir Austen Chamberlain as applauding the hanging of Lithuanian "
            'Communists. I say that he not only applauded, but also greased the ropes."'
        ),
        original_language="ru",
        translation="Trotsky's words as Time (New York) reported them in English, 14 March 1927; Time names no source or translator",
        published_in=(
            "Time (New York), 14 March 1927, 'Orator Orating' (Time article id 846084) (full text read in a copy "
            "named in verified_by)"
        ),
        source_ids="news-time-1927-03-14-orator-orating",
        url="http://content.time.com/time/magazine/article/0,9171,846084,00.html",
        verified_by=(
            "opened http://content.time.com/time/magazine/article/0,9171,846084,00.html on 2026-12-05 (opening "
            "only, behind the paywall); full text read in a text copy on a mirror of the Time archive (not cited) "
            "on 2026-12-05; re-read before commit on 2026-12-05"
        ),
        note=(
            "Speech in the Trades Union Hall, Moscow, 'last week' (Time, 14 March 1927): Trotsky's first public "
            "speech in four months, after the British note of 23 February 1927. The first sentence is Time's; the "
            "rest is Trotsky as Time quoted him. The ellipsis '. . .' and the bracketed '(TIME, March 7)' are "
            "Time's own. Trotsky spoke for the Soviet side here although he was in opposition to Stalin's majority. "
            "Voice 'reported' (review of 2026-12-05): Time's sentences frame the quotation and the English is "
            "Time's report of a speech, not a text Trotsky published, so these are his words as a reporter gives them."
        ),
        lesson="06-rupture-1927",
        check="verbatim-ok (compared by script against the text copy read; re-compared by the reviewer 2026-12-05)",
        voice="reported",
    ),
    dict(
        extract_id="ex-1927-10-rykov-armed-intervention",
        title="Rykov at ten years: socialism in one country, and 'only an armed intervention from outside' can stop it",
        author="rykov",
        side="soviet",
        date="1927-10-01",
        date_precision="month",
        text=(
            "Comrades! The decade which has passed since the October Revolution has been an exceptionally hard one. "
            "The difficulties have arisen for the most part from the fact that the proletarian revolution was "
            "victorious in a backward country, and then again from the fact that it took place in one country only, "
            "whilst all other countries maintained the capitalist state of society. Therefore we are thrown almost "
            "entirely upon our own internal resources for the solution of the problem of building up socialism.\n"
            "It may be asked here whether it is not hopeless, in these circumstances, to attempt the realisation "
            "of the final aims of October, the socialist transformation of society. The successes won by the working "
            "class in conjunction with the peasantry during the last few years, both in economics and in culture, "
            "and the progress made in the face of all difficulties towards the strengthening of the socialist "
            "elements in our economics, are a confirmation of Lenin’s thesis that the internal premises form no in "
            "[sic] insurmountable obstacle to a successful realisation of a socialist state of society, and that "
            "only an armed intervention from outside can prevent that."
        ),
        original_language="ru",
        translation=(
            "English text as printed in International Press Correspondence vol. 7 no. 61, 3 November 1927; "
            "translator not named"
        ),
        published_in=(
            "A. Rykov, 'The Building Up of Socialism Amid Capitalist Surroundings', International Press "
            "Correspondence vol. 7 no. 61, 3 November 1927, as transcribed on revolutionsnewsstand.com (2025)"
        ),
        source_ids="news-inprecorr-1927-11-03-rykov-building-socialism",
        url=(
            "https://revolutionsnewsstand.com/2025/01/04/the-building-up-of-socialism-amid-capitalist-surroundings-"
            "by-alexei-rykov-from-international-press-correspondence-vol-7-no-61-november-3-1927"
        ),
        verified_by=opened(
            "https://revolutionsnewsstand.com/2025/01/04/the-building-up-of-socialism-amid-capitalist-surroundings-"
            "by-alexei-rykov-from-international-press-correspondence-vol-7-no-61-november-3-1927"
        ),
        note=(
            "Rykov, head of the Soviet government, reporting on the tenth anniversary of the revolution (the "
            "transcriber's introduction places the report at the October 1927 session of the Central Executive "
            "Committee; month precision). The next section of the report is headed 'The Foreign Policy of the "
            "Soviet Union' but its text is not in the page text read. 'form no in insurmountable' is as "
            "transcribed ([sic] added). Read beside the 1927 war scare: the threat from abroad as the one obstacle "
            "to building socialism."
        ),
        lesson="06-rupture-1927",
        check="verbatim-ok (compared by script against the page text)",
        voice="direct",
    ),
    dict(
        extract_id="ex-1928-bukharin-danger-of-war-growing",
        title="Bukharin to the Comintern congress: 'the danger of war is growing from month to month'",
        author="bukharin",
        side="soviet",
        date="1928-01-01",
        date_precision="year",
        text=(
            "Thus, the imperialists say: We don’t want war, the U. S. S. R. wants war. Pilsudski says: I don’t want "
            "war, the U. S. S. R. wants war. Meanwhile, all of them are feverishly preparing for a war of aggression "
            "against the U. S. S. R. and for war among themselves. I do not wish to assert that this war will break "
            "out for certain within the next few months. No one can say in what month, or even in what year war "
            "will break out. But the point is not whether war will break out within a year or two or three. The "
            "point is that the danger of war is growing from month to month. I think that this is perfectly clear. "
            "It is to the imperialists’ interests to obscure this thesis and the social democrats are interested in "
            "the same thing. But there is no reason why we should conceal this fact."
        ),
        original_language="ru",
        translation="English text as printed in The Daily Worker (New York), 4 September 1928, p. 3; translator not named",
        published_in=(
            "The Daily Worker (New York), 4 September 1928, p. 3, 'Bukharin's Speech in Reply' (to the discussion on "
            "the international situation at the Sixth Congress of the Communist International), the instalment "
            "printed after sections I–III ('III. The War Question is the Central Question'), continuing the war "
            "question; no section heading is printed above the passage (text read in a copy named in verified_by)"
        ),
        source_ids="news-dailyworker-1928-09-04-bukharin-reply",
        url="",
        verified_by=opened(f"{DW}/1928-09-04/3"),
        note=(
            "Bukharin, chairman of the Comintern and a Politburo member, at the Sixth Comintern Congress (Moscow, "
            "summer 1928; the page does not date the speech: year precision). OCR corrections (the only changes; "
            "the stray characters are column-edge marks of the scanned page): 'We)' -> 'We'; 'want} war' -> 'want "
            "war'; 'wants war.)' -> 'wants war.'; 'fever-| ishly' -> 'feverishly'; 'aggres-| sion' -> 'aggression'; "
            "'for} war' -> 'for war'; 'not) wish' -> 'not wish'; 'will! break' -> 'will break'; 'next} few,months' "
            "-> 'next few months'; 'what| month' -> 'what month'; 'war} will' -> 'war will'; 'not} whether' -> "
            "'not whether'; 'within| & year' -> 'within a year'; 'grow- ing' -> 'growing'; 'ronceal' -> 'conceal'. "
            "The war scare a year after the break with Britain, as the Comintern's leader put it."
        ),
        lesson="06-rupture-1927",
        check="verbatim-ok apart from the OCR corrections listed in note (compared by script against the page text)",
        voice="direct",
    ),
    dict(
        extract_id="ex-1927-11-05-stalin-league-of-nations",
        title="Stalin to foreign workers' delegations: why the USSR stays out of the League of Nations",
        author="stalin",
        side="soviet",
        date="1927-11-05",
        date_precision="day",
        text=(
            "The Soviet Union does not participate in the League of. Nations, secondly, because it does not want to "
            "take responsibility for military preparations, for growing armaments, for new military alliances, "
            "etc., which are covered and sanctioned by the League of Nations and which cannot but lead to new "
            "imperialist wars. The Soviet, Union does not participate in the League of Nations because it is "
            "completely against imperialist wars.\n"
            "Finally, the Soviet Union does not participate in the League of Nations because it does not want to be "
            "a component part of that screen of imperialist machinations which the League of Nations represents and "
            'which are concealed by the honeyed phrases of its members. The League of Nations is a "rendezvous" '
            "for imperialist chiefs, who do their business behind the scenes. What the League of Nations SAYS "
            "officially is empty twaddle, intended to deceive the workers: But what the imperialist chiefs DO "
            "unofficially behind the scenes is real imperialist business, which is pharisaically concealed by the "
            "eloquent orators of the League of Nations. What can there be surprising over the fact that the Soviet "
            "Union does not want to become a member and participant of this anti-nation comedy?"
        ),
        original_language="ru",
        translation=(
            "English translation (translator not named) published by the Communist Party of Great Britain in the "
            "pamphlet The Workers' State (London: CPGB, January 1928), a stenographic report of Stalin's interview "
            "with foreign workers' delegations on 5 November 1927"
        ),
        published_in=(
            "J. Stalin, The Workers' State. Lies about Soviet Russia answered (London: Communist Party of Great "
            "Britain, January 1928), answer to Question 1; read in the Wikisource page transcription of the scanned "
            "pamphlet"
        ),
        source_ids="book-stalin-1928-workers-state-p8",
        url="https://en.wikisource.org./wiki/Page:Joseph_Vissarionovich_Stalin_-_The_Workers%27_State_(1928).djvu/8",
        verified_by=opened(
            "https://en.wikisource.org./wiki/Page:Joseph_Vissarionovich_Stalin_-_The_Workers%27_State_(1928).djvu/8",
            "https://en.wikisource.org./wiki/The_Workers%27_State",
        ),
        note=(
            "Answer to Question 1 ('Why does the U.S.S.R. not take part in the League of Nations?'), from the same "
            "interview and pamphlet as ex-1928-stalin-if-you-give-i-give; the pamphlet's title page (Wikisource, "
            "The_Workers'_State) dates the interview 5 November 1927. The page begins mid-word with the end of the "
            "first reason; the extract starts at the second. 'League of. Nations' and 'The Soviet, Union' are as "
            "transcribed. Read beside Chamberlain's Locarno policy and the British wish to see Moscow in the League."
        ),
        lesson="08-interpretations",
        check="verbatim-ok (compared by script against the page text)",
        voice="direct",
    ),
    dict(
        extract_id="ex-1920-chicherin-herald-of-revolution",
        title="Chicherin on Soviet foreign policy: 'the herald and inspiration of the proletarian revolution'",
        author="chicherin",
        side="soviet",
        date="1920-01-01",
        date_precision="year",
        text=(
            "OUR much suffering Soviet Republic has lived through so much during the past two years that within the "
            "space of a brief newspaper review one can only point out the most important milestones of this period. "
            "[…]\n"
            "The November revolution, the first act of the world social revolution, at once placed the Russian "
            "Soviet Government at the front of the revolutionary movement of the world as the herald and "
            "inspiration of the proletarian revolution. The first three months of its existence was the period of "
            "revolutionary political offensive, when the Soviet Government freely sent forth its revolutionary "
            "slogans to the toiling masses of the whole world, when it called upon the agonized peoples to put an "
            "end to the war, when it proclaimed, and carried out by actions and not merely on paper the "
            "self-determination of the toilers of every nationality, and when by deed and not by word it abolished "
            "secret diplomacy […] The struggle between the old world and the Revolution is strenuous. […] The scene "
            "of the present struggle between two worlds has no precedent in the immensity of its proportions. Every "
            "day its growth is becoming more and more noticeable in England, France and America. All central Europe "
            "is on the threshold of great new events. The foreign policy of Soviet Russia conforms more and more to "
            "the universal struggle between the revolution and the old world."
        ),
        original_language="ru",
        translation=CHICHERIN_TRANSLATION,
        published_in=CHICHERIN_PAMPHLET
        + ", pp. 3 and 36; read in the Wikisource page transcriptions of the scanned pamphlet",
        source_ids="book-chicherin-1920-two-years-of-foreign-policy",
        url=f"{WS}/5",
        verified_by=opened(f"{WS}/5", f"{WS_M}/38", "https://en.wikisource.org/wiki/Two_Years_of_Foreign_Policy"),
        note=(
            "The opening (p. 3) and the closing lines (p. 36) of the foreign commissar's review of Soviet foreign "
            "policy to November 1919, published in English in New York in 1920 (year of publication; the review "
            "itself covers 7 November 1917 to 7 November 1919). Background, not 1924–31: how the man who still led "
            "the Narkomindel in the 1920s described the purpose of Soviet foreign policy. Read it against Moscow's "
            "later insistence that the Comintern was independent of the government (d-19)."
        ),
        lesson="08-interpretations",
        check="verbatim-ok (compared by script against the page texts)",
        voice="direct",
    ),
    dict(
        extract_id="ex-1920-chicherin-1918-british-landing-protest",
        title="Chicherin recalls the British landing in the north in 1918 and the first Soviet peace proposal",
        author="chicherin",
        side="soviet",
        date="1920-01-01",
        date_precision="year",
        text=(
            "On July 31 the English made a landing at Onega, after which they bombarded the approaches to "
            "Archangel and occupied the latter on August 5. In the meantime comrade Lenin's statement, made at an "
            "executive session, that Great Britain and France were in a state of war with Russia, caused the "
            "Entente representatives at Moscow to demand an explanation concerning this statement and ask whether "
            "they could any longer remain in Soviet Russia. In a note sent on August 2 to the American Consul "
            "Poole, we declared that we deemed it impossible to give a public explanation with regard to a "
            "statement that was made at an executive session. In connection with this, we sent on August 5 a note "
            "to Poole which forms the first link in the long chain of our peace proposals, pointing out that the "
            "invasion of our territory was not caused by any act on our part and that the tolling [sic] masses of "
            "Russia wanted to live in peace with all peoples and had not declared war against anybody. The note "
            "energetically protested against the invasion of our territory without cause and without a declaration "
            "of war; against the destruction of the property of the toiling masses of Russia; against the seizure "
            "and pillage of our cities and villages and the execution of the local workers who were faithful to the "
            "Soviet power. We did not declare war, the note further stated,—but we would reply to these actions by "
            "appropriate measures of defense and by resorting to the necessary preventive measures, interning in "
            "concentration camps the bourgeois citizens of the countries attacking us; these measures would not be "
            "used against workers of these countries, since the workers of all the world were our friends."
        ),
        original_language="ru",
        translation=CHICHERIN_TRANSLATION,
        published_in=CHICHERIN_PAMPHLET + ", p. 18; read in the Wikisource page transcription of the scanned pamphlet",
        source_ids="book-chicherin-1920-two-years-of-foreign-policy",
        url=f"{WS}/20",
        verified_by=opened(f"{WS}/20"),
        note=(
            "Background to 1924: the British intervention of 1918 as the Soviet foreign commissar told it; the "
            "damage done by intervention was the basis of the Soviet counter-claims set against British claims in "
            "the 1924 negotiations. Date: year of the English pamphlet. The page begins mid-sentence; the extract "
            "starts at the next sentence. 'tolling' is as printed ([sic] added). "
            "The printed page number follows from the scan: scan page 5 prints '3' and scan page 38 prints '36' (offset 2, checked by the reviewer 2026-12-05)."
        ),
        lesson="01-recognition-1924",
        check="verbatim-ok (compared by script against the page text)",
        voice="direct",
    ),
    dict(
        extract_id="ex-1920-chicherin-1919-offer-debts-propaganda",
        title="Chicherin: the 1919 offer to pay the debts and abstain from propaganda in return for peace",
        author="chicherin",
        side="soviet",
        date="1920-01-01",
        date_precision="year",
        text=(
            "On January 14, having learned of the proposal made by the English Government to bring about an "
            "agreement between the warring de facto governments of Russia, the Soviet Government informed its "
            "representatives at Stockholm of its readiness to enter into negotiations with the Entente Governments. "
            "On January 17, having learned that the French Confederation of Labor and the Administrative Committee "
            "of the Socialist Party had expressed their satisfaction with the declaration of the Government "
            "renouncing intervention in Russia, the Soviet Government sent a radiogram to the Entente powers, asking "
            "them to state when and in what form this renunciation of intervention would be realized and when "
            "negotiations could be opened with this end in view. The climax to all these steps was our note of "
            "February 4, which we addressed to the Entente Governments after an unaddressed invitation had been sent "
            "out from Paris by wireless, asking all the de facto Governments of Russia to meet in conference at "
            "Prince's Island. In this note of February 4, the Soviet Government expressed its willingness to pay "
            "the foreign debts, to grant concessions to send goods to cover its obligations, to recognize the "
            "seizure of certain territories and to abstain from revolutionary propaganda in the Entente countries. "
            "A detailed statement of peace terms was drawn up by us in the middle of March, partly with Mr. "
            "Bullitt, who came on a mission from President Wilson with the knowledge of Lloyd George."
        ),
        original_language="ru",
        translation=CHICHERIN_TRANSLATION,
        published_in=CHICHERIN_PAMPHLET + ", p. 30; read in the Wikisource page transcription of the scanned pamphlet",
        source_ids="book-chicherin-1920-two-years-of-foreign-policy",
        url=f"{WS}/32",
        verified_by=opened(f"{WS}/32"),
        note=(
            "Background to 1924: in 1919 Moscow had offered debts, concessions and an end to propaganda in return "
            "for peace, the same questions (debts, credits, propaganda) that dominated the 1924 treaties. Date: year "
            "of the English pamphlet (events of January–March 1919). The page begins mid-sentence; the extract "
            "starts at the next sentence. The footnote mark '[1]' after 'countries.' (a reference to the note's "
            "text) is omitted. "
            "The printed page number follows from the scan: scan page 5 prints '3' and scan page 38 prints '36' (offset 2, checked by the reviewer 2026-12-05)."
        ),
        lesson="01-recognition-1924",
        check="verbatim-ok apart from the omitted footnote mark (compared by script against the page text)",
        voice="direct",
    ),
    dict(
        extract_id="ex-1920-chicherin-british-conspiracies-1918",
        title="Chicherin on the 'underground conspiracies' of British agents in 1918: Reilly, Lockhart, Cromie",
        author="chicherin",
        side="soviet",
        date="1920-01-01",
        date_precision="year",
        text=(
            "We asked the co-operation of the American representative to find out precisely what Great Britain "
            "desired.\n"
            "In the meantime the policy of underground conspiracies of the Entente agents was making rapid "
            "progress, The British lieutenant Sidney Reily was preparing an attempt to seize Vologda and incite an "
            "insurrection in Moscow. Lockhart tried to bribe the Lettish sharp-shooters for a coup d'etat. On "
            "August 30 an attempt was made on Comrade Lenin, and the latest disclosures by Savinkov show that an "
            "attempt was also planned on Trotsky. On September 1, Lockhart was arrested and the conspiracy directed "
            "by him liquidated. Some time later a conference which was being held at the British embassy at "
            "Petrograd, and in which Russian White-guardists participated, was raided. When the agents of the "
            "Extraordinary Commission forced their entrance into the embassy, the British naval officer Cromie "
            "opened fire and in the exchange of shots that followed was himself killed. This circumstance was, of "
            "course, made use of by the British interventionist press in their agitation for more energetic "
            "intervention in Russia. The British socialist press, however, published the information about "
            "Lockhart's conspiracy and made clear to those who were open minded the real meaning of this crisis."
        ),
        original_language="ru",
        translation=CHICHERIN_TRANSLATION,
        published_in=CHICHERIN_PAMPHLET + ", p. 19; read in the Wikisource page transcription of the scanned pamphlet",
        source_ids="book-chicherin-1920-two-years-of-foreign-policy",
        url=f"{WS_M}/21",
        verified_by=opened(f"{WS_M}/21"),
        note=(
            "Background to the 1927 charges and counter-charges of espionage: the British Government complained of "
            "Soviet agents, while Moscow remembered Reilly and Lockhart (the Soviet communiqué of June 1927 on the "
            "executions again named 'Captain Riley of the British Intelligence Service'). Useful against the "
            "British note's claim (February 1927) that Chicherin's fear of British plots was an 'obsession'. Date: "
            "year of the English pamphlet (events of August–September 1918). The page begins mid-sentence; the "
            "extract starts at the next sentence. 'progress, The' and 'Reily' are as printed. The printed page "
            "number follows from the scan: scan page 5 prints '3' and scan page 38 prints '36' (offset 2, checked "
            "by the reviewer 2026-12-05)."
        ),
        lesson="08-interpretations",
        check="verbatim-ok (compared by script against the page text)",
        voice="direct",
    ),
    dict(
        extract_id="ex-1925-05-tomsky-dogadov-single-international",
        title="Tomsky and Dogadov to Amsterdam: 'a single International ... standing for the point of view of the class struggle'",
        author="tomsky",
        side="soviet",
        date="1925-05-01",
        date_precision="month",
        text=(
            "We would once more inform you, comrades, that we are in favor of a single International of Trade Union "
            "Federations. Our aim, and, as we believe, the aim of the majority of the class-conscious workers of all "
            "countries, is the creation of a single International of the organised workers of the whole world, "
            "standing for the point of view of the class struggle and the final emancipation of the working class "
            "from the capitalist yoke. Compared with this great aim the constitutional question is of secondary "
            "importance. […]"
        ),
        original_language="ru",
        translation=(
            "English text as quoted in Scott Nearing, World Labor Unity (New York, 1926), ch. 12; translator not "
            "named (Nearing quotes the letter 'in part')"
        ),
        published_in=(
            "Scott Nearing, World Labor Unity (1926), ch. 12 'Moscow Continues Negotiations'; read in the Wikisource "
            "transcription"
        ),
        source_ids="book-nearing-1926-world-labor-unity-ch12",
        url="https://en.wikisource.org./wiki/World_Labor_Unity/Chapter_12",
        verified_by=opened("https://en.wikisource.org./wiki/World_Labor_Unity/Chapter_12"),
        note=(
            "Letter of the All-Russian Central Council of Trade Unions, signed by Tomsky (president) and Dogadov "
            "(secretary), to the General Council of the International Federation of Trade Unions (Amsterdam), sent "
            "'as soon as the findings of the London Unity Conference had been endorsed' (by the All-Russian Council "
            "at its meeting of 30 April–8 May 1925, Nearing ch. 11). The Spectator of 30 May 1925 reported the "
            "Russian answer as sent (archive.spectator.co.uk, 'The Russian Trade Unions have sent their answer'), "
            "so May 1925, month precision. Lesson 03: what Moscow wanted from the Anglo-Russian unity campaign; "
            "set it beside the Spectator's reading of the same letter. The quotation continues on the page ('The "
            "Trade Unions of …'); the extract ends at the end of a sentence and marks the cut."
        ),
        lesson="03-trade-union-alliance",
        check="verbatim-ok (compared by script against the page text)",
        voice="direct",
    ),
    dict(
        extract_id="ex-1927-tomsky-unions-party-state",
        title="Tomsky answers the 'naive' questions of Western trade unionists about the unions and the Party",
        author="tomsky",
        side="soviet",
        date="1927-01-01",
        date_precision="year",
        text=(
            "The question of the relationship existing between the trade unions, the State and the Communist Party "
            "in the U.S.S.R. is of great interest to Western European workers and to many of the leaders of the "
            "trade union movement in Western Europe. A great deal of confusion and misunderstanding prevails in "
            "connection with this matter. The many questions which have been put to me in private conversation by "
            "rather responsible representatives of the Western European trade union movement have astounded me by "
            "their naivete and have made me wonder how such highly cultured persons, who have had years of "
            "practical experience in the trade union movement, can be so entirely at a loss in such matters. […] "
            "The relationship that exists between the Soviet trade unions and the workers’ political party in our "
            "country—the Communist Party—is the result of the peculiar historical development of the Russian trade "
            "union movement. This peculiarity consists mainly in the fact that the establishment of the workers’ "
            "political party in Russia preceded that of the trade unions. […]"
        ),
        original_language="ru",
        translation=(
            "Official English edition: M. Tomsky, The Trade Unions, the Party and the State (Moscow: Commission for "
            "Foreign Relations of the Central Council of the Trade Unions of the U.S.S.R., 1927); translator not named"
        ),
        published_in=(
            "M. Tomsky, The Trade Unions, the Party and the State (Moscow, 1927), opening pages; read in the Marxists "
            "Internet Archive transcription and checked against the OCR of the scanned 1927 pamphlet on archive.org "
            "(University of Texas copy)"
        ),
        source_ids="book-tomsky-1927-trade-unions-party-state",
        url="http://www.marxists.org/archive/tomsky/1927/unions_party_state.htm",
        verified_by=(
            opened("http://www.marxists.org/archive/tomsky/1927/unions_party_state.htm")
            + "; wording compared with the archive.org OCR of the 1927 pamphlet (same words; the OCR spaces the "
            "dashes and breaks words at line ends)"
        ),
        note=(
            "The pamphlet gathers 'extracts from speeches by Comrade Tomsky' at the Profintern on 29 June 1923 and "
            "at meetings with foreign workers' delegations on 11 August and 7 November 1926; which speech this "
            "opening comes from is not said, so the pamphlet's year is used (year precision). The first cut "
            "omits the section heading 'I. The Trade Unions and the Party'; the text goes on to the history of the "
            "party and the unions. Lesson 03: whether the Soviet unions were independent of the Communist Party was "
            "a standing question in the dealings of the British and continental unions with Moscow; this is "
            "Tomsky's own framing of it for Western trade unionists. No British delegation is named in the passage."
        ),
        lesson="03-trade-union-alliance",
        check="verbatim-ok (compared by script against the page text)",
        voice="direct",
    ),
    dict(
        extract_id="ex-1930-06-stalin-debts-and-credits",
        title="Stalin to the Sixteenth Party Congress: the Tsarist debts only against credits (as Time reported it)",
        author="stalin",
        side="soviet",
        date="1930-06-01",
        date_precision="month",
        text=(
            "“The Soviet Government is now the strongest administration in the world.” […] “Foreign demands for "
            "our payment of the War debts are merely tools in the hands of anti-Soviet elements for interventionist "
            "propaganda.\n"
            "“Our policy is clear and sound. If foreign countries agree to give us credits, we will agree to pay a "
            "small percentage of the Tsarist debts, charging the debt payments to the account of the interest rate "
            "on credits granted.” […] “The world economic crisis is merely the last and worst of the periodic crises "
            "inevitable under the capitalist system, whose production invariably outruns the demand every ten years "
            "or so because the capitalist producers withhold the profits from the working population and the "
            "gradual accumulation of this mass of profit becomes, so to speak, ‘frozen’ at the end of each "
            "period—or is exported—whereas under the Socialist system every cent of ‘profit’ is returned to the "
            "workers, not only in the form of wages but in material and cultural construction. […]"
        ),
        original_language="ru",
        translation="Stalin's words as Time (New York) reported them in English, 1930; Time names no source or translator",
        published_in="Time (New York), 1930, 'Russia: Stalin On Everything' (time.com archive page)",
        source_ids="news-time-1930-stalin-on-everything",
        url="https://time.com/archive/6745340/russia-stalin-on-everything",
        verified_by=opened("https://time.com/archive/6745340/russia-stalin-on-everything"),
        note=(
            "Stalin's political report to the Sixteenth Congress of the Soviet Communist Party, delivered 'last "
            "week' (Time) in seven hours; the congress opened at the end of June 1930, so month precision (the "
            "time.com page does not show the issue date: check). Time gives 'Excerpts' under its own headings "
            "('Russia's Debts', 'The Young Plan', 'Depression'); the extract takes Stalin's quoted words only: the "
            "keynote, the two debt paragraphs and the opening of the 'Depression' passage; Time's link sentences and "
            "the Young Plan passage are cut and marked. Time's footnote mark after 'credits granted.”' is omitted. "
            "The wording is Time's English from press reports, not the official translation, and may be condensed: "
            "treat it as what Western readers were told Stalin said. Lesson 07: the claims and debts talks promised "
            "by the protocol of October 1929 were under way in 1930–31; this is Moscow's public price for any "
            "payment (credits first). Voice 'reported' (review of 2026-12-05): Time's excerpts of a seven-hour "
            "speech, in Time's English and perhaps condensed, are the words as a reporter gives them, not Stalin's "
            "published text (the official English is the Political Report of 27 June 1930 in his Works, vol. 12)."
        ),
        lesson="07-restoration-1929-31",
        check=(
            "verbatim-ok apart from the omitted footnote mark (compared by script against the page text; "
            "re-compared by the reviewer 2026-12-05)"
        ),
        voice="reported",
    ),
]

REFERENCES = [
    dict(
        ref_id="news-dailyworker-1925-06-13-chicherin-soviet-union-great-britain",
        kind="newspaper",
        citation=(
            "The Daily Worker (US), 13 June 1925, p. 7, 'The Soviet Union and Great Britain' (extract from "
            "Chicherin's report to the Third Congress of the Soviet Union)"
        ),
        author="G. V. Chicherin",
        year="1925",
        title="The Soviet Union and Great Britain",
        container="The Daily Worker (US communist daily)",
        pages="7",
        url=f"{DW}/1925-06-13/7",
        note="OCR text of the page. Chicherin's report, the part on relations with England, in the paper's English.",
        tier="primary",
    ),
    dict(
        ref_id="news-dailyworker-1926-02-25-rakovsky-interview",
        kind="newspaper",
        citation=(
            "The Daily Worker (US), 25 February 1926, p. 3, interview with Christian Rakovsky, Soviet ambassador in "
            "Paris (from L'Humanité)"
        ),
        author="Christian Rakovsky",
        year="1926",
        title="Interview with Christian Rakovsky (from L'Humanité)",
        container="The Daily Worker (US communist daily)",
        pages="3",
        url=f"{DW}/1926-02-25/3",
        note="OCR text of the page; the headline is partly illegible.",
        tier="primary",
    ),
    dict(
        ref_id="news-dailyworker-1928-09-04-bukharin-reply",
        kind="newspaper",
        citation=(
            "The Daily Worker (US), 4 September 1928, p. 3, Bukharin's speech in reply to the discussion on the "
            "international situation at the Sixth Congress of the Communist International (instalment)"
        ),
        author="N. Bukharin",
        year="1928",
        title="Bukharin's Speech in Reply",
        container="The Daily Worker (US communist daily)",
        pages="3",
        url=f"{DW}/1928-09-04/3",
        note="OCR text of the page, with column-edge marks in the OCR.",
        tier="primary",
    ),
    dict(
        ref_id="news-inprecorr-1925-12-24-rykov-league-of-nations",
        kind="article",
        citation=(
            "A. Rykov, 'The Soviet Union and the League of Nations', International Press Correspondence vol. 5 "
            "no. 89, 24 December 1925 (transcribed on revolutionsnewsstand.com, 2024)"
        ),
        author="Alexei Rykov",
        year="1925",
        title="The Soviet Union and the League of Nations",
        container="International Press Correspondence",
        volume="5",
        url=(
            "https://revolutionsnewsstand.com/2024/05/02/the-soviet-union-and-the-league-of-nations-by-alexei-rykov-"
            "from-international-press-correspondence-vol-5-no-89-december-24-1925"
        ),
        note="Contemporary English translation in the Comintern's bulletin; modern transcription.",
        tier="primary-transcription",
    ),
    dict(
        ref_id="news-inprecorr-1927-11-03-rykov-building-socialism",
        kind="article",
        citation=(
            "A. Rykov, 'The Building Up of Socialism Amid Capitalist Surroundings', International Press "
            "Correspondence vol. 7 no. 61, 3 November 1927 (transcribed on revolutionsnewsstand.com, 2025)"
        ),
        author="Alexei Rykov",
        year="1927",
        title="The Building Up of Socialism Amid Capitalist Surroundings",
        container="International Press Correspondence",
        volume="7",
        url=(
            "https://revolutionsnewsstand.com/2025/01/04/the-building-up-of-socialism-amid-capitalist-surroundings-"
            "by-alexei-rykov-from-international-press-correspondence-vol-7-no-61-november-3-1927"
        ),
        note="Contemporary English translation in the Comintern's bulletin; modern transcription.",
        tier="primary-transcription",
    ),
    dict(
        ref_id="news-time-1927-03-14-orator-orating",
        kind="newspaper",
        citation="Time (New York), 14 March 1927, 'Orator Orating'",
        year="1927",
        title="Orator Orating",
        container="Time (New York)",
        url="http://content.time.com/time/magazine/article/0,9171,846084,00.html",
        note="The Time page shows the opening only; the full text was read in a text copy on a mirror of the Time archive (not cited).",
        tier="primary",
    ),
    dict(
        ref_id="book-stalin-1928-workers-state-p8",
        kind="book",
        citation=(
            "J. V. Stalin, The Workers' State (London: Communist Party of Great Britain, January 1928), answer to "
            "Question 1 (Wikisource page transcription)"
        ),
        author="J. V. Stalin",
        year="1928",
        title="The Workers' State",
        publisher="Communist Party of Great Britain",
        url="https://en.wikisource.org./wiki/Page:Joseph_Vissarionovich_Stalin_-_The_Workers%27_State_(1928).djvu/8",
        note=(
            "English pamphlet of January 1928 (title page on Wikisource: 'Foreign Delegation's Interview with J. "
            "Stalin, on November 5th, 1927 ... Communist Party of Great Britain'). Question 1 and answer on the "
            "League of Nations."
        ),
        tier="primary",
    ),
    dict(
        ref_id="book-chicherin-1920-two-years-of-foreign-policy",
        kind="book",
        citation=CHICHERIN_PAMPHLET + " (Wikisource transcription)",
        author="G. V. Chicherin",
        year="1920",
        title="Two Years of Foreign Policy",
        publisher="The Russian Soviet Government Bureau",
        url="https://en.wikisource.org/wiki/Two_Years_of_Foreign_Policy",
        note="Title page and pages 5, 20, 21, 32 and 38 of the Wikisource scan read (pages proofread, not validated).",
        tier="primary",
    ),
    dict(
        ref_id="book-nearing-1926-world-labor-unity-ch12",
        kind="chapter",
        citation="Scott Nearing, World Labor Unity (1926), ch. 12 'Moscow Continues Negotiations' (Wikisource)",
        author="Scott Nearing",
        year="1926",
        title="Moscow Continues Negotiations",
        container="World Labor Unity",
        url="https://en.wikisource.org./wiki/World_Labor_Unity/Chapter_12",
        note=(
            "Contemporary sympathetic account (US, 1926) quoting in part the letter of Tomsky and Dogadov for the "
            "All-Russian Central Council of Trade Unions to the Amsterdam International after the London Unity "
            "Conference of April 1925."
        ),
        tier="primary",
    ),
    dict(
        ref_id="book-tomsky-1927-trade-unions-party-state",
        kind="book",
        citation=(
            "M. Tomsky, The Trade Unions, the Party and the State (Moscow: Commission for Foreign Relations of the "
            "Central Council of the Trade Unions of the U.S.S.R., 1927) (Marxists Internet Archive transcription)"
        ),
        author="M. P. Tomsky",
        year="1927",
        title="The Trade Unions, the Party and the State",
        publisher="Commission for Foreign Relations of the Central Council of the Trade Unions of the U.S.S.R.",
        url="http://www.marxists.org/archive/tomsky/1927/unions_party_state.htm",
        note=(
            "Official English pamphlet of extracts from Tomsky's speeches (Profintern, 29 June 1923; meetings with "
            "foreign workers' delegations, 11 August and 7 November 1926). A scan of the printed pamphlet "
            "(University of Texas copy) is on archive.org."
        ),
        tier="primary",
    ),
    dict(
        ref_id="news-time-1930-stalin-on-everything",
        kind="newspaper",
        citation=(
            "Time (New York), 1930, 'Russia: Stalin On Everything' (report of Stalin's speech to the Sixteenth "
            "Party Congress)"
        ),
        year="1930",
        title="Russia: Stalin On Everything",
        container="Time (New York)",
        url="https://time.com/archive/6745340/russia-stalin-on-everything",
        note="Time's archive page; the issue date is not shown on it (early July 1930: check).",
        tier="primary",
    ),
]

SET_ID = "set-08-obsession"
SET_QUESTION = "Was Moscow's fear of British plots an 'obsession', as the British note of February 1927 called it?"
SET_TEACHER_NOTE = (
    "Start from extract 3: the British note says Chicherin's belief that Britain was plotting against the USSR "
    "is an 'obsession'. Students then test the charge. Sourcing: extracts 1 and 2 are Chicherin's own words, the "
    "first written for Western readers in 1920, the second spoken to a Soviet congress in 1925; extract 4 is the "
    "official Soviet answer, printed by the British government itself. Contextualisation: the intervention and "
    "the plots of 1918 (extract 1) and the Locarno diplomacy of 1925 (extract 2). Corroboration: does anything in "
    "the British note or the Spectator's comment (extract 5) deny the events Chicherin describes, or only his "
    "conclusions? Close reading: how extract 4 turns the word 'obsessions' back on British ministers, and what the "
    "Spectator concedes ('few wounds') and what it does not. Link to the dispute on the Narkomindel and the "
    "Comintern (d-19): the British side held Moscow answerable for the propaganda Chicherin's reply ignores."
)
SETS = [
    dict(
        position="1",
        extract_id="ex-1920-chicherin-british-conspiracies-1918",
        headnote=(
            "Georgy Chicherin, People's Commissar for Foreign Affairs, in his review of Soviet foreign relations "
            "from November 1917 to November 1919, published in English in New York in 1920 by the Russian Soviet "
            "Government Bureau for Western readers. He recalls the British agents' plots of 1918. The same man "
            "still led Soviet diplomacy in the 1920s."
        ),
        source_ids="book-chicherin-1920-two-years-of-foreign-policy",
    ),
    dict(
        position="2",
        extract_id="ex-1925-06-chicherin-combinations-against-us",
        headnote=(
            "Chicherin reporting on the international situation to the Third Congress of the Soviet Union in 1925, "
            "the year of the Locarno negotiations; the part on relations with England, as printed in English by "
            "the American communist Daily Worker in June 1925. A minister speaking to a Soviet audience about a "
            "'united front against us'."
        ),
        source_ids="news-dailyworker-1925-06-13-chicherin-soviet-union-great-britain",
    ),
    dict(
        position="3",
        extract_id="ex-1927-02-23-chamberlain-note-delusion",
        headnote=(
            "The British note of 23 February 1927, signed by Sir Austen Chamberlain as Foreign Secretary and sent "
            "to the Soviet Government, warning that the trade agreement and even diplomatic relations might be "
            "ended. It was printed with the Soviet reply in a White Paper. This passage names Chicherin and his "
            "'obsession'."
        ),
        source_ids="doc-googlebooks-wW4MAQAAIAAJ-british-note-feb-1927",
    ),
    dict(
        position="4",
        extract_id="ex-1927-02-26-soviet-reply-chamberlain",
        headnote=(
            "The Soviet Government's answer, handed over in Moscow by Litvinov as acting Commissar for Foreign "
            "Affairs at the end of February 1927, in the English text the British government printed in the same "
            "White Paper. It answers the charge of 'obsession' directly."
        ),
        source_ids="gb-wW4MAQAAIAAJ-ra19-pa27",
    ),
    dict(
        position="5",
        extract_id="ex-1927-03-05-spectator-litvinoff-few-wounds",
        headnote=(
            "A comment in The Spectator, a London weekly review, on 5 March 1927, after the exchange of notes. It "
            "judges the British protests justified but badly made, and says what Litvinov's reply left out."
        ),
        source_ids="news-spectator-1927-03-05-litvinoff-reply",
    ),
]


def append(path: Path, key: str, rows: list[dict]) -> int:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header, have = reader.fieldnames, {r[key] for r in reader}
    new = [r for r in rows if r[key] not in have]
    with path.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        for row in new:
            unknown = set(row) - set(header)
            assert not unknown, (row[key], unknown)
            writer.writerow(row)
    return len(new)


def append_set(path: Path, rows: list[dict]) -> int:
    """Append set rows whose (set_id, position) is not in the draft yet; existing sets are never touched."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames
        have = {f"{r['set_id']}#{r['position']}" for r in reader}
    new = [{c: r[c] for c in header} for r in rows if r["key"] not in have]
    ending = "\r\n" if path.read_bytes().endswith(b"\r\n") else "\n"  # keep the draft's own line endings
    with path.open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, fieldnames=header, lineterminator=ending).writerows(new)
    return len(new)


if __name__ == "__main__":
    for row in EXTRACTS:
        row["words"] = str(len(row["text"].split()))
        assert 80 <= int(row["words"]) <= 300, (row["extract_id"], row["words"])
    n = append(HERE / "extracts-draft.csv", "extract_id", EXTRACTS)
    m = append(HERE / "extracts-new-references.csv", "ref_id", REFERENCES)
    set_rows = [
        dict(
            set_id=SET_ID,
            lesson="08-interpretations",
            central_question=SET_QUESTION,
            teacher_note=SET_TEACHER_NOTE if r["position"] == "1" else "",
            **r,
        )
        for r in SETS
    ]
    for r in set_rows:
        r["key"] = f"{r['set_id']}#{r['position']}"
    k = append_set(HERE / "document_sets-draft.csv", set_rows)
    print(f"extracts added: {n}; references added: {m}; set rows added: {k}")
