"""Scraped news pages written for these tests in the layouts of several outlets.

The wording is the tests' own; the layouts (navigation, captions, datelines, furniture)
follow what scraping such pages gives.
"""

TASS_LIKE = """All news

Russian, Georgian diplomats to hold talks in Prague next week

Moscow hopes the meeting will help to restore direct flights, the deputy minister said
Russian Deputy Foreign Minister Grigory Karasin Sergei Bobylev/TASS
Russian Deputy Foreign Minister Grigory Karasin
© Sergei Bobylev/TASS

MOSCOW, March 14. /TASS/. Russian Deputy Foreign Minister Grigory Karasin will meet Georgian special envoy Zurab Abashidze in Prague next week, the Russian Foreign Ministry said on Thursday.

"We are ready to discuss the whole range of bilateral issues," Karasin told reporters.

Read also
Russia ready to resume flights to Georgia, says Karasin

The previous round of talks was held in December 2018.

Direct flights

The sides have repeatedly discussed the resumption of direct air traffic between the two countries.

Karasin said a decision could be taken in the coming months.

Show More
"""

REUTERS_LIKE = """Skip to main content
World
Europe
Germany, France to push for EU budget deal at summit
By Andreas Rinke
3 minute read
February 20, 2020 10:34 AM UTC Updated ago
German Chancellor Angela Merkel arrives for a meeting in Brussels, Belgium February 20, 2020. REUTERS/Yves Herman Purchase Licensing Rights, opens new tab
BERLIN (Reuters) - Germany and France will push for a deal on the European Union's next long-term budget at a summit in Brussels, a government spokesman said on Thursday.
Spokesman Steffen Seibert told reporters that the gap between member states remained large.
"It will be difficult talks," Seibert said.
Reporting by Andreas Rinke; Editing by Riham Alkousaa
Our Standards: The Thomson Reuters Trust Principles., opens new tab
Share
X
Facebook
Linkedin
Email
Read Next
Italy's Conte says budget proposal unacceptable
Dutch PM Rutte stands firm on EU spending cap
"""

AP_LIKE = """Biden and Xi agree to restore military contacts at California summit
By JANE ROE and JOHN DOE
Updated 9:14 PM EST, November 15, 2023
Share
President Joe Biden greets China's President Xi Jinping at the Filoli Estate in Woodside, Calif., Wednesday, Nov. 15, 2023. (AP Photo/Evan Vucci)
WOODSIDE, Calif. (AP) — President Joe Biden and Chinese President Xi Jinping agreed on Wednesday to restore military-to-military communications, the White House said.
The two leaders met for about four hours at a historic estate south of San Francisco.
"I think we are making real progress," Biden told Xi at the start of the talks.
___
Associated Press writer Colleen Long contributed to this report.
"""

XINHUA_LIKE = """Xi meets Vietnamese president in Beijing
Source: Xinhua
Editor: Zhang Long
2019-05-11 20:13:45

BEIJING, May 11 (Xinhua) -- Chinese President Xi Jinping met with Vietnamese President Nguyen Phu Trong in Beijing on Saturday.

Xi said China is willing to work with Vietnam to deepen their comprehensive strategic partnership.

Trong said Vietnam attaches great importance to its relations with China.

Related readings:
China, Vietnam pledge to boost trade ties
Vietnamese leader arrives in Beijing for state visit

Copyright © 2019 Xinhua Net. All rights reserved.
"""

YONHAP_LIKE = """N. Korea, U.S. to resume working-level talks next week
All News 10:23 September 14, 2019

SEOUL, Sept. 14 (Yonhap) -- North Korea and the United States will resume working-level nuclear talks next week, a South Korean official said Saturday.

The talks will be held in a third country, the official told reporters on condition of anonymity.

(END)
kdh@yna.co.kr
Keywords
#North Korea #nuclear talks
"""

IANS_LIKE = """China slams US over Taiwan arms sale

Beijing, Oct 22 (IANS): China on Tuesday urged the United States to cancel a planned arms sale to Taiwan, saying it seriously harmed China's sovereignty.

Foreign Ministry spokesman Lu Kang said Beijing had lodged stern representations with Washington.

--IANS
ksk/
"""

ANI_LIKE = """US, India hold talks on defence cooperation
ANI | Updated: Apr 07, 2019 22:14 IST

Washington D. C. [USA], April 7 (ANI): The United States and India held talks on expanding defence cooperation, the State Department said on Sunday.

Both sides agreed to meet again later this year. (ANI)
"""

VNA_LIKE = """Vietnam, Laos boost security cooperation
Hanoi (VNA) – Vietnam and Laos signed an agreement on Tuesday to boost cooperation in border security, the Ministry of Public Security said.
The agreement covers joint patrols and information exchange.
VNA
"""

SANA_LIKE = """Iran and Syria discuss economic cooperation
Tehran - SANA Iranian Foreign Minister Hossein Amir-Abdollahian discussed with the Syrian ambassador ways to strengthen economic cooperation between the two countries.
The two sides stressed the importance of implementing the agreements signed last year.
"""

AFP_LIKE = """Gaza truce talks resume in Cairo
Negotiators return to the Egyptian capital as pressure mounts for a ceasefire.
By Jane Doe
5 Mar 2024
Paris (AFP) - French President Emmanuel Macron on Tuesday called for an immediate ceasefire in Gaza, as negotiators met in Cairo for a new round of talks.
"We need a ceasefire now," Macron told reporters after meeting the Jordanian king.
Israeli forces pressed on with their offensive in the south of the territory.
"""

ALJAZEERA_LIKE = """Skip links
Skip to Content
Live
Navigation menu
News|Conflict
Ceasefire talks resume in Doha as diplomats push for a deal
Qatari and Egyptian mediators meet negotiators from both sides for a third day.
By Jane Doe
Published On 5 Mar 2024
5 Mar 2024
Save
Click here to share on social media
share2
Share
Qatari and Egyptian mediators resumed talks in Doha on Tuesday with negotiators from both sides, officials said, as international pressure mounts for a deal.
list of 4 items
list 1 of 4
Aid convoy reaches northern Gaza for first time in weeks
list 2 of 4
UN chief calls for immediate humanitarian ceasefire
end of list
The talks are expected to last several days, according to a diplomat briefed on the negotiations.
Sign up for Al Jazeera
Weekly Newsletter
Subscribe
Your subscription failed. Please try again.
"The mediators are working around the clock," the diplomat said.
Source: Al Jazeera and news agencies
"""

COMMENT_FORM = """Foreign ministers meet in Geneva to discuss arms control

GENEVA (Reuters) - The foreign ministers of the two countries met in Geneva on Friday to discuss arms control, officials said.

The meeting lasted four hours and ended without a joint statement.

Leave a Reply Cancel reply
Your email address will not be published. Required fields are marked *
Comment *
Name *
Email *
Website
Save my name, email, and website in this browser for the next time I comment.
Post Comment
"""

COOKIE_NOTICE = """We use cookies to improve your experience on our site. By continuing to browse, you agree to our Cookie Policy.
Accept all
Back to top
Parliament approves new sanctions package against Belarus
By Jane Doe
BRUSSELS - The European Parliament on Wednesday approved a new package of sanctions against Belarus over the forced landing of a passenger jet, the assembly said in a statement.
The package targets officials and companies linked to the government.
Subscribe to our newsletter
Most read
Leaders gather for climate talks in Glasgow
Opposition calls for snap election
Markets fall as inflation fears grow
"""

PLAIN_NO_DATELINE = """Leaders pledge to deepen ties at regional summit

The leaders of the two countries pledged on Monday to deepen economic and security ties at a regional summit in Singapore.

They signed agreements on trade, energy and education.

The next summit will be held in Jakarta in 2020.
"""
