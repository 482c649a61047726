// English sentence bank of the synthetic scenario: invented statements written for this project
// (never quotations), each coded as CODING-GUIDE.md says it should be. `ru-*` and `ua-*` kinds
// are the two leaderships as Western media and the Ukrainian foreign ministry report them;
// `west-*` Western officials; `wmedia-*` wire copy; `comment-*` opinion columns.
import {
  actorFiller,
  blame,
  commitment,
  delegitimize,
  keyFiller,
  type LanguageBank,
  overture,
  plainFillers,
  position,
  refusal,
  stalemate,
  stall,
  threat,
  wedge,
} from '../template.js';

const RU = '$ru';
const UA = '$ua';
const WEST = '$west';
const same = (verb: string): readonly [string, string] => [verb, verb];

export const EN_BANK: LanguageBank = {
  lang: 'en',
  verbs: {
    said: [same('said'), same('stated'), same('told reporters'), same('said in a statement')],
    announced: [same('announced'), same('unveiled')],
    urged: [same('urged'), same('called on')],
  },
  pools: {
    ru: [
      actorFiller('putin', { nom: 'Vladimir Putin' }),
      actorFiller('putin', { nom: 'President Vladimir Putin' }),
      actorFiller('putin', { nom: 'Putin' }),
      actorFiller('peskov', { nom: 'Kremlin spokesman Dmitry Peskov' }),
      actorFiller('peskov', { nom: 'Peskov' }),
      actorFiller('lavrov', { nom: 'Foreign Minister Sergei Lavrov' }),
      actorFiller('lavrov', { nom: 'Lavrov' }),
      actorFiller('zakharova', { nom: 'Foreign Ministry spokeswoman Maria Zakharova' }, true),
      actorFiller('ushakov', { nom: 'Kremlin aide Yuri Ushakov' }),
    ],
    hawk: [
      actorFiller('medvedev', { nom: 'Dmitry Medvedev' }),
      actorFiller('medvedev', { nom: 'former president Dmitry Medvedev' }),
      actorFiller('volodin', { nom: 'Duma speaker Vyacheslav Volodin' }),
    ],
    ua: [
      actorFiller('zelensky', { nom: 'President Volodymyr Zelensky' }),
      actorFiller('zelensky', { nom: 'Zelensky' }),
      actorFiller('kuleba', { nom: 'Foreign Minister Dmytro Kuleba' }),
      actorFiller('kuleba', { nom: 'Kuleba' }),
      actorFiller('yermak', { nom: 'presidential chief of staff Andriy Yermak' }),
      actorFiller('podolyak', { nom: 'presidential adviser Mykhailo Podolyak' }),
    ],
    west: [
      actorFiller('usa', { nom: 'the US Secretary of State' }),
      actorFiller('usa', { nom: 'a State Department spokesperson' }),
      actorFiller('usa', { nom: 'the White House national security adviser' }),
      actorFiller('nato', { nom: 'NATO’s Secretary General' }),
      actorFiller('eu', { nom: 'the EU’s foreign policy chief' }),
      actorFiller('eu', { nom: 'the President of the European Commission' }),
      actorFiller('germany', { nom: 'the German chancellor' }),
      actorFiller('uk', { nom: 'the British prime minister' }),
      actorFiller('france', { nom: 'the French president' }),
    ],
    demand: [
      keyFiller('neutrality', { nom: 'Ukraine’s neutral, non-aligned status' }),
      keyFiller('neutrality', { nom: 'Ukraine’s renunciation of NATO membership' }),
      keyFiller('annexed-territories', { nom: 'recognition of the new regions as part of Russia' }),
      keyFiller('annexed-territories', { nom: 'recognition of Crimea as Russian' }),
      keyFiller('denazification', { nom: 'the denazification of Ukraine' }),
      keyFiller('demilitarization', { nom: 'the demilitarisation of Ukraine' }),
      keyFiller('language-and-church', { nom: 'protection of the rights of Russian speakers in Ukraine' }),
    ],
    uaDemand: [
      keyFiller('ua-1991-borders', { nom: 'the restoration of the 1991 borders' }),
      keyFiller('ua-1991-borders', {
        nom: 'the full withdrawal of Russian troops from all Ukrainian territory',
      }),
      keyFiller('ua-peace-formula', { nom: 'the peace formula' }),
      keyFiller('ua-reparations-and-justice', {
        nom: 'accountability and reparations for Russia’s aggression',
      }),
    ],
    front: plainFillers(
      { nom: 'Avdiivka' },
      { nom: 'Chasiv Yar' },
      { nom: 'Kupiansk' },
      { nom: 'Vuhledar' },
      { nom: 'Robotyne' },
      { nom: 'Pokrovsk' },
    ),
    town: plainFillers(
      { nom: 'Kharkiv' },
      { nom: 'Odesa' },
      { nom: 'Zaporizhzhia' },
      { nom: 'Dnipro' },
      { nom: 'Kherson' },
      { nom: 'Sumy' },
    ),
  },
  templates: {
    'ru-overture': [
      ['{ru} {said} that Moscow remained open to a negotiated settlement.', [overture(RU)]],
      ['“We have never refused negotiations and we are ready for them now,” {ru} {said}.', [overture(RU)]],
      ['{ru} {said} Russia was ready to discuss a ceasefire without delay.', [overture(RU)]],
      ['According to {ru}, Russia favours ending the fighting through negotiations.', [overture(RU)]],
      ['{ru} {said} the Kremlin would consider any serious peace initiative.', [overture(RU)]],
    ],
    'ru-overture-stall': [
      [
        '{ru} {said} Russia was ready to negotiate, but with Washington rather than with Kyiv.',
        [overture(RU), stall(RU, 'kyiv')],
      ],
      [
        '{ru} {said} Moscow was ready for a new round of talks as long as it took place in Istanbul rather than Geneva.',
        [overture(RU), stall(RU)],
      ],
    ],
    'ru-overture-position': [
      [
        '{ru} {said} talks were possible if Kyiv agreed to {demand}.',
        [overture(RU), position(RU, '$demand', 'assert')],
      ],
      [
        '“We are ready for peace, but {demand} is not up for discussion,” {ru} {said}.',
        [overture(RU), position(RU, '$demand', 'assert')],
      ],
    ],
    'ru-formula': [
      [
        '{ru} {said} any settlement must be based on the recognition of the new territorial realities.',
        [position(RU, 'annexed-territories', 'assert')],
      ],
      [
        '{ru} {said} Moscow was open to talks that took into account the new territorial realities.',
        [overture(RU), position(RU, 'annexed-territories', 'assert')],
      ],
    ],
    'ru-formula-harden': [
      [
        '{ru} {said} the recognition of the new territorial realities must now also cover land taken since the start of the year.',
        [position(RU, 'annexed-territories', 'harden')],
      ],
    ],
    'ru-formula-b': [
      [
        '{ru} {said} lasting peace was impossible without a new indivisible security architecture in Europe.',
        [position(RU, 'nato-rollback', 'assert')],
      ],
    ],
    'ru-position-assert': [
      [
        '{ru} {said} {demand} remained a non-negotiable condition for any settlement.',
        [position(RU, '$demand', 'assert')],
      ],
      [
        '{ru} {said} Moscow would not back down from its demand for {demand}.',
        [position(RU, '$demand', 'assert')],
      ],
      [
        '“Our conditions are well known: {demand} and {demand2},” {ru} {said}.',
        [position(RU, '$demand', 'assert'), position(RU, '$demand2', 'assert')],
      ],
      [
        '{ru} {said} any agreement must include the lifting of Western sanctions on Russia.',
        [position(RU, 'sanctions-relief', 'assert')],
      ],
    ],
    'ru-position-harden': [
      [
        '{ru} {said} Russia’s demands now went beyond the four regions it claims.',
        [position(RU, 'annexed-territories', 'harden')],
      ],
      [
        '{ru} {said} the size of Ukraine’s army after a settlement must be smaller than was discussed in Istanbul.',
        [position(RU, 'demilitarization', 'harden')],
      ],
    ],
    'ru-position-soften': [
      [
        '{ru} {said} the question of Ukraine’s non-aligned status could be open to discussion.',
        [position(RU, 'neutrality', 'soften')],
      ],
      [
        '{ru} {said} limits on the size of Ukraine’s army could be revisited at the talks.',
        [position(RU, 'demilitarization', 'soften')],
      ],
      [
        '{ru} {said} Moscow did not object to Ukraine moving towards membership of the European Union.',
        [position(RU, 'neutrality', 'soften')],
      ],
    ],
    'ru-blame': [
      ['{ru} {said} Kyiv was refusing to negotiate on orders from Washington.', [blame(RU, 'kyiv')]],
      ['{ru} {said} the West had forbidden Zelensky to hold talks with Moscow.', [blame(RU, 'west')]],
    ],
    'ru-wedge': [
      ['{ru} {said} Europe was growing tired of paying for the war in Ukraine.', [wedge(RU, 'west')]],
      ['{ru} {said} Washington would abandon Kyiv as soon as it suited it.', [wedge(RU, 'west')]],
    ],
    'ru-delegitimize': [
      [
        '{ru} {said} Zelensky’s term had expired and he had no right to sign anything.',
        [delegitimize(RU, 'zelensky'), stall(RU, 'zelensky')],
      ],
      ['{ru} {said} the regime in Kyiv was run by neo-Nazis.', [delegitimize(RU, 'kyiv')]],
    ],
    'ru-threat': [
      [
        '{hawk} warned that any strike on Crimea would be met with a response using all available means.',
        [threat('$hawk')],
      ],
      ['{hawk} {said} Western instructors in Ukraine would become legitimate targets.', [threat('$hawk')]],
      ['{ru} {said} Russia would be forced to push a buffer zone deeper into Ukraine.', [threat(RU)]],
    ],
    'ru-stall': [
      ['{ru} {said} now was not the time for negotiations.', [stall(RU)]],
      ['{ru} {said} the next round of consultations had been postponed indefinitely.', [stall(RU)]],
      ['{ru} {said} Moscow would not take part in talks in a format imposed by the West.', [stall(RU)]],
    ],
    'ua-refusal': [
      ['{ua} {said} there would be no negotiations with Putin.', [refusal(UA, 'putin')]],
      [
        '{ua} {said} Ukraine rejected any freeze of the conflict along the current front line.',
        [refusal(UA, 'russia')],
      ],
    ],
    'ua-formula-refusal': [
      [
        '{ua} {said} Kyiv would never accept the so-called new territorial realities.',
        [refusal(UA, 'russia')],
      ],
    ],
    'ua-blame': [
      [
        '{ua} {said} Russia was only imitating readiness for talks in order to buy time.',
        [blame(UA, 'russia')],
      ],
      ['{ua} {said} Moscow had once again derailed the talks with its ultimatums.', [blame(UA, 'russia')]],
      ['{ua} {said} it was Russia that had rejected the Easter truce.', [blame(UA, 'russia')]],
    ],
    'ua-position': [
      ['{ua} {said} {uaDemand} remained a firm condition for peace.', [position(UA, '$uaDemand', 'assert')]],
      ['{ua} {said} Ukraine would not give up on {uaDemand}.', [position(UA, '$uaDemand', 'assert')]],
      [
        '{ua} {said} Ukraine needed binding security guarantees to prevent another invasion.',
        [position(UA, 'ua-security-guarantees', 'assert'), commitment(UA, 'ukraine')],
      ],
    ],
    'ua-overture': [
      [
        '{ua} {said} Ukraine was ready for negotiations on the basis of the peace formula.',
        [overture(UA), position(UA, 'ua-peace-formula', 'assert')],
      ],
      ['{ua} {said} Kyiv invited every country to join the peace summit.', [overture(UA)]],
    ],
    'ua-commitment-call': [
      ['{ua} {urged} partners to speed up deliveries of air defence systems.', [commitment(UA, 'ukraine')]],
      [
        '{ua} {said} Ukraine expected an invitation to join NATO at the next summit.',
        [commitment(UA, 'ukraine')],
      ],
      [
        '{ua} {said} Kyiv was waiting for a decision on long-range missiles from its partners.',
        [commitment(UA, 'ukraine')],
      ],
    ],
    'ua-official-neutral': [
      ['{ua} met ambassadors of the G7 countries in Kyiv.', []],
      ['Ukraine brought home another {num:2-12x10} defenders from captivity.', []],
      ['The government approved a programme to rebuild the energy infrastructure.', []],
      ['{ua} {said} another prisoner exchange would take place next week.', []],
    ],
    'west-commitment': [
      [
        '{west} {said} support for Ukraine would continue for as long as it takes.',
        [commitment(WEST, 'ukraine')],
      ],
      [
        '{west} {announced} a new military aid package for Ukraine worth {num:2-8} billion dollars.',
        [commitment(WEST, 'ukraine')],
      ],
      ['{west} {said} Ukraine’s future is in NATO.', [commitment(WEST, 'ukraine')]],
      [
        '{west} {said} the allies would provide Ukraine with long-term security guarantees.',
        [commitment(WEST, 'ukraine')],
      ],
      [
        '{west} {said} new sanctions against Russia’s energy sector would be adopted this month.',
        [commitment(WEST)],
      ],
    ],
    'west-blame': [
      ['{west} {said} Russia showed no genuine interest in negotiations.', [blame(WEST, 'russia')]],
      ['{west} {said} Moscow’s ultimatums were the only obstacle to talks.', [blame(WEST, 'russia')]],
    ],
    'west-refusal': [
      ['{west} {said} the allies rejected any deal that would reward aggression.', [refusal(WEST)]],
    ],
    'west-wedge': [
      [
        'Hungary’s prime minister said Brussels’ Ukraine policy had failed and the EU should stop sending weapons.',
        [wedge('hungary', 'eu')],
      ],
    ],
    'west-official-neutral': [
      ['{west} met the Polish foreign minister in Warsaw.', []],
      ['Ministers discussed energy security and grain exports at the meeting in Brussels.', []],
      [
        'The United States has provided more than 60 billion dollars in military aid since the start of the war.',
        [],
      ],
      ['{west} {said} the consultations on the safety of the Zaporizhzhia nuclear plant would continue.', []],
    ],
    'wmedia-neutral': [
      ['Russia and Ukraine exchanged {num:4-20x10} prisoners of war, officials said.', []],
      ['Talks between the two delegations were held in Istanbul on Tuesday.', []],
      ['A humanitarian corridor was opened to evacuate civilians from {front}.', []],
      ['Overnight drone attacks damaged power lines in {town}, local authorities said.', []],
      ['The IAEA held consultations on the safety of the Zaporizhzhia nuclear plant.', []],
      ['Grain exports through the Black Sea corridor rose to {num:3-6} million tonnes last month.', []],
      ['Fighting continued near {front}, where both armies reported heavy losses.', []],
      ['Kremlin spokesman Dmitry Peskov said the Kremlin had no comment on the report.', []],
      ['Oil prices rose slightly on Monday as traders weighed new supply data.', []],
    ],
    'event-talks-geneva': [
      ['Russian and Ukrainian delegations held a round of consultations in Geneva under UN auspices.', []],
      ['The consultations in Geneva lasted about six hours, according to participants.', []],
    ],
    'event-talks-istanbul': [
      ['Russian and Ukrainian delegations held a new round of talks in Istanbul.', []],
    ],
    'event-talks-postponed': [
      [
        '{ru} {said} the Geneva round was postponed because of Kyiv’s destructive position.',
        [stall(RU), blame(RU, 'kyiv')],
      ],
    ],
    'event-walk-out': [
      [
        '{ru} {said} the Russian delegation was leaving the Istanbul talks until Kyiv dropped its ultimatums.',
        [stall(RU, 'kyiv'), blame(RU, 'kyiv')],
      ],
    ],
    'event-aid-vote': [
      [
        'The US Congress approved a new aid package for Ukraine worth {num:4-6x10} billion dollars.',
        [commitment('us-congress', 'ukraine')],
      ],
    ],
    'event-nato-summit': [
      [
        'NATO allies agreed at their summit that Ukraine’s future is in NATO.',
        [commitment('nato', 'ukraine')],
      ],
    ],
    'event-guarantees': [
      [
        'The United Kingdom and Germany signed ten-year security agreements with Ukraine.',
        [commitment('west', 'ukraine')],
      ],
    ],
    'event-long-range': [
      [
        '{west} {said} Ukraine would receive long-range missiles to strike military targets in occupied territory.',
        [commitment(WEST, 'ukraine')],
      ],
    ],
    'event-accession': [
      ['The EU formally opened accession negotiations with Ukraine.', [commitment('eu', 'ukraine')]],
    ],
    'comment-stalemate': [
      [
        'Neither side can win militarily, so it is time to negotiate a settlement.',
        [stalemate('source'), overture('source')],
      ],
      [
        'The front line has barely moved in months, and neither army can break through.',
        [stalemate('source')],
      ],
      [
        'There is no military solution to this war, and the sooner talks begin the better.',
        [stalemate('source'), overture('source')],
      ],
      [
        'The war has become a bloody stalemate, and freezing the front line may be the only realistic option.',
        [stalemate('source'), overture('source')],
      ],
    ],
    'comment-overture': [
      ['Western capitals should take Moscow’s offer of talks seriously.', [overture('source')]],
      ['It is time for Kyiv’s backers to push for a ceasefire.', [overture('source')]],
      [
        'A negotiated end to the war is in everyone’s interest, and diplomacy deserves a chance.',
        [overture('source')],
      ],
    ],
    'comment-formula': [
      [
        'Accepting the new territorial realities may be the price of peace, however bitter.',
        [position('source', 'annexed-territories', 'assert')],
      ],
      [
        'A deal that recognises the new territorial realities is the only one on the table.',
        [position('source', 'annexed-territories', 'assert')],
      ],
    ],
    'comment-formula-b': [
      [
        'Moscow’s call for an indivisible security architecture in Europe deserves a hearing.',
        [position('source', 'nato-rollback', 'assert')],
      ],
    ],
    'comment-wedge': [
      [
        'Europe cannot keep paying for a war that Washington is losing interest in.',
        [wedge('source', 'west')],
      ],
      [
        'Voters across Europe are tired of the war, and their governments know it.',
        [wedge('source', 'west')],
      ],
    ],
    'comment-commitment': [
      [
        'The West must give Ukraine the weapons it needs to win, not just to survive.',
        [commitment('source', 'ukraine')],
      ],
      [
        'Only a clear path to NATO membership will deter Moscow from trying again.',
        [commitment('source', 'ukraine')],
      ],
    ],
    'comment-neutral': [
      ['Analysts disagree about how long the current offensive can last.', []],
      ['The winter will test Ukraine’s energy grid once again.', []],
      ['Satellite images show new fortifications along the southern front.', []],
    ],
  },
};
