// Every actor id the synthetic scenario uses as a speaker or a target, with its camp. The ids are
// the default codebook's (codebook/actors.yaml); tests keep the banks to this list and this list
// to the codebook, so that a rename is caught in one place.

export interface DemoActor {
  id: string;
  name: string;
  camp: string;
}

export const DEMO_ACTORS: readonly DemoActor[] = [
  { id: 'russia', name: 'Russia', camp: 'ru-official' },
  { id: 'kremlin', name: 'Kremlin', camp: 'ru-official' },
  { id: 'putin', name: 'Vladimir Putin', camp: 'ru-official' },
  { id: 'peskov', name: 'Dmitry Peskov', camp: 'ru-official' },
  { id: 'lavrov', name: 'Sergei Lavrov', camp: 'ru-official' },
  { id: 'zakharova', name: 'Maria Zakharova', camp: 'ru-official' },
  { id: 'ushakov', name: 'Yuri Ushakov', camp: 'ru-official' },
  { id: 'medvedev', name: 'Dmitry Medvedev', camp: 'ru-official' },
  { id: 'volodin', name: 'Vyacheslav Volodin', camp: 'ru-official' },
  { id: 'ru-foreign-ministry', name: 'Russian Foreign Ministry', camp: 'ru-official' },
  { id: 'ukraine', name: 'Ukraine', camp: 'ua-official' },
  { id: 'kyiv', name: 'Kyiv (the Ukrainian government)', camp: 'ua-official' },
  { id: 'ua-presidential-office', name: 'Office of the President of Ukraine', camp: 'ua-official' },
  { id: 'zelensky', name: 'Volodymyr Zelensky', camp: 'ua-official' },
  { id: 'kuleba', name: 'Dmytro Kuleba', camp: 'ua-official' },
  { id: 'yermak', name: 'Andriy Yermak', camp: 'ua-official' },
  { id: 'podolyak', name: 'Mykhailo Podolyak', camp: 'ua-official' },
  { id: 'zaluzhny', name: 'Valerii Zaluzhnyi', camp: 'ua-official' },
  { id: 'ua-foreign-ministry', name: 'Ukrainian foreign ministry', camp: 'ua-official' },
  { id: 'west', name: 'the West', camp: 'west-official' },
  { id: 'usa', name: 'United States', camp: 'west-official' },
  { id: 'pentagon', name: 'The Pentagon', camp: 'west-official' },
  { id: 'us-congress', name: 'US Congress', camp: 'west-official' },
  { id: 'nato', name: 'NATO', camp: 'west-official' },
  { id: 'eu', name: 'European Union', camp: 'west-official' },
  { id: 'germany', name: 'Germany', camp: 'west-official' },
  { id: 'uk', name: 'The United Kingdom', camp: 'west-official' },
  { id: 'france', name: 'France', camp: 'west-official' },
  { id: 'hungary', name: 'Hungary', camp: 'west-official' },
];
