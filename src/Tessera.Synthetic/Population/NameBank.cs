namespace Tessera.Synthetic.Population;

/// <summary>
/// Given names, surnames and nicknames with realistic skew: a few names are very common (so
/// term-frequency adjustment matters) and surnames differ by heritage (so a county has the
/// clusters of Garcías and Nguyens that make blocking hard). Lists are ordered by frequency;
/// draws follow a Zipf-like weight by rank.
/// </summary>
internal static class NameBank
{
    public static readonly string[] FemaleGiven =
    [
        "Mary", "Jennifer", "Jessica", "Elizabeth", "Ashley", "Sarah", "Maria", "Emily", "Michelle", "Amanda",
        "Patricia", "Linda", "Barbara", "Susan", "Margaret", "Stephanie", "Nicole", "Kimberly", "Melissa", "Angela",
        "Rebecca", "Laura", "Christina", "Amy", "Rachel", "Samantha", "Katherine", "Heather", "Brittany", "Danielle",
        "Tiffany", "Crystal", "Shanice", "Keisha", "Latoya", "Tamika", "Aaliyah", "Imani", "Destiny", "Jasmine",
        "Guadalupe", "Rosa", "Ana", "Carmen", "Yesenia", "Lucia", "Sofia", "Isabella", "Valeria", "Ximena",
        "Mai", "Linh", "Thi", "Mei", "Ji-woo", "Priya", "Fatima", "Aisha", "Olivia", "Emma",
        "Ava", "Mia", "Abigail", "Madison", "Chloe", "Harper", "Zoe", "Natalie", "Victoria", "Grace",
        "Hannah", "Alexandra", "Deborah", "Dorothy", "Sandra", "Donna", "Carol", "Ruth", "Sharon", "Cynthia",
        "Kathleen", "Pamela", "Christine", "Janet", "Catherine", "Frances", "Ann", "Joyce", "Diane", "Alice",
        "Julie", "Victoria", "Kelly", "Lauren", "Megan", "Andrea", "Erica", "Monique", "Ebony", "Renee",
    ];

    public static readonly string[] MaleGiven =
    [
        "James", "Michael", "Robert", "John", "David", "William", "Richard", "Joseph", "Thomas", "Christopher",
        "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Andrew", "Paul", "Joshua",
        "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Jason", "Edward", "Jeffrey", "Ryan",
        "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon",
        "Benjamin", "Samuel", "Gregory", "Alexander", "Patrick", "Frank", "Raymond", "Jack", "Dennis", "Jerry",
        "Tyrone", "DeShawn", "Jamal", "Marcus", "Terrell", "Darnell", "Malik", "Andre", "Jermaine", "Cedric",
        "Jose", "Luis", "Carlos", "Juan", "Jesus", "Miguel", "Alejandro", "Francisco", "Javier", "Santiago",
        "Minh", "Tuan", "Wei", "Jun", "Min-jun", "Arjun", "Mohammed", "Omar", "Liam", "Noah",
        "Elijah", "Logan", "Mason", "Lucas", "Ethan", "Aiden", "Jayden", "Caleb", "Isaiah", "Gabriel",
        "Aaron", "Adam", "Nathan", "Zachary", "Kyle", "Dylan", "Tyler", "Austin", "Jordan", "Christian",
    ];

    public static readonly string[] GeneralSurnames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
        "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis",
        "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams",
        "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans",
        "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Peterson", "Cooper",
        "Reed", "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson",
        "Brooks", "Bennett", "Gray", "James", "Hughes", "Price", "Sanders", "Myers", "Long", "Ross",
        "Foster", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Butler", "Barnes", "Fisher", "Henderson",
        "Coleman", "Simmons", "Patterson", "Jordan", "Reynolds", "Hamilton", "Graham", "Wallace", "Woods", "Cole",
        "West", "Owens", "Marshall", "Washington", "Freeman", "Wells", "Webb", "Simpson", "Stevens", "Tucker",
        "Porter", "Hunter", "Hicks", "Crawford", "Henry", "Boyd", "Mason", "Kennedy", "Warren", "Dixon",
        "Burns", "Gordon", "Shaw", "Holmes", "Rice", "Robertson", "Hunt", "Black", "Daniels", "Palmer",
        "Mills", "Grant", "Knight", "Ferguson", "Stone", "Hawkins", "Dunn", "Perkins", "Hudson", "Spencer",
        "O'Brien", "O'Neal", "McDonald", "McCoy", "MacKenzie", "Van Buren", "Van Dyke", "St. Clair", "Le Blanc", "Du Bois",
        "Schneider", "Mueller", "Kowalski", "Novak", "Olsen", "Larsen", "Johansson", "Rossi", "Russo", "Bianchi",
    ];

    public static readonly string[] HispanicSurnames =
    [
        "Garcia", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Perez", "Sanchez", "Ramirez", "Torres",
        "Flores", "Rivera", "Gomez", "Diaz", "Cruz", "Morales", "Reyes", "Gutierrez", "Ortiz", "Ramos",
        "Chavez", "Castillo", "Jimenez", "Vasquez", "Mendoza", "Ruiz", "Alvarez", "Romero", "Herrera", "Medina",
        "Aguilar", "Vargas", "Castro", "Guzman", "Fernandez", "Munoz", "Salazar", "Soto", "Delgado", "Pena",
        "De La Cruz", "De Leon", "Del Rio", "De Jesus", "Santa Maria", "Nunez", "Ibarra", "Ochoa", "Zamora", "Cordero",
    ];

    public static readonly string[] AsianSurnames =
    [
        "Nguyen", "Tran", "Le", "Pham", "Huynh", "Vo", "Kim", "Park", "Choi", "Chen",
        "Wang", "Li", "Zhang", "Liu", "Wong", "Patel", "Shah", "Singh", "Kumar", "Tanaka",
    ];

    /// <summary>Formal given name → the nicknames clerks write instead.</summary>
    public static readonly Dictionary<string, string[]> Nicknames = new(StringComparer.Ordinal)
    {
        ["William"] = ["Bill", "Will", "Billy", "Willie"],
        ["Robert"] = ["Bob", "Rob", "Bobby", "Robbie"],
        ["Richard"] = ["Rick", "Dick", "Rich", "Ricky"],
        ["James"] = ["Jim", "Jimmy", "Jamie"],
        ["John"] = ["Jack", "Johnny"],
        ["Michael"] = ["Mike", "Mikey"],
        ["Joseph"] = ["Joe", "Joey"],
        ["Thomas"] = ["Tom", "Tommy"],
        ["Christopher"] = ["Chris", "Topher"],
        ["Charles"] = ["Charlie", "Chuck"],
        ["Daniel"] = ["Dan", "Danny"],
        ["Matthew"] = ["Matt"],
        ["Anthony"] = ["Tony"],
        ["Donald"] = ["Don", "Donnie"],
        ["Steven"] = ["Steve"],
        ["Andrew"] = ["Andy", "Drew"],
        ["Joshua"] = ["Josh"],
        ["Kenneth"] = ["Ken", "Kenny"],
        ["Timothy"] = ["Tim"],
        ["Ronald"] = ["Ron", "Ronnie"],
        ["Edward"] = ["Ed", "Eddie", "Ted"],
        ["Jeffrey"] = ["Jeff"],
        ["Jacob"] = ["Jake"],
        ["Nicholas"] = ["Nick"],
        ["Jonathan"] = ["Jon"],
        ["Benjamin"] = ["Ben", "Benny"],
        ["Samuel"] = ["Sam", "Sammy"],
        ["Gregory"] = ["Greg"],
        ["Alexander"] = ["Alex"],
        ["Patrick"] = ["Pat"],
        ["Raymond"] = ["Ray"],
        ["Gabriel"] = ["Gabe"],
        ["Zachary"] = ["Zach"],
        ["Francisco"] = ["Paco", "Frank"],
        ["Jose"] = ["Pepe"],
        ["Alejandro"] = ["Alex"],
        ["Elizabeth"] = ["Liz", "Beth", "Betty", "Eliza", "Lizzie"],
        ["Jennifer"] = ["Jen", "Jenny"],
        ["Jessica"] = ["Jess", "Jessie"],
        ["Katherine"] = ["Kate", "Katie", "Kathy", "Kat"],
        ["Catherine"] = ["Cathy", "Cat"],
        ["Margaret"] = ["Maggie", "Peggy", "Meg"],
        ["Patricia"] = ["Pat", "Patty", "Trish"],
        ["Barbara"] = ["Barb", "Babs"],
        ["Susan"] = ["Sue", "Susie"],
        ["Kimberly"] = ["Kim"],
        ["Rebecca"] = ["Becky", "Becca"],
        ["Christina"] = ["Chris", "Tina"],
        ["Samantha"] = ["Sam", "Sammie"],
        ["Stephanie"] = ["Steph"],
        ["Deborah"] = ["Deb", "Debbie"],
        ["Dorothy"] = ["Dot", "Dottie"],
        ["Alexandra"] = ["Alex", "Sandra", "Lexi"],
        ["Victoria"] = ["Vicky", "Tori"],
        ["Abigail"] = ["Abby"],
        ["Pamela"] = ["Pam"],
        ["Cynthia"] = ["Cindy"],
        ["Kathleen"] = ["Kathy", "Kath"],
        ["Frances"] = ["Fran"],
        ["Melissa"] = ["Missy", "Mel"],
        ["Amanda"] = ["Mandy"],
        ["Danielle"] = ["Dani"],
        ["Guadalupe"] = ["Lupe"],
        ["Natalie"] = ["Nat"],
    };

    public static readonly string[] StreetNames =
    [
        "Main", "Oak", "Maple", "Cedar", "Pine", "Elm", "Washington", "Lake", "Hill", "Park",
        "Church", "Walnut", "Sunset", "Highland", "Jefferson", "Lincoln", "Madison", "River", "Spring", "Center",
        "Martin Luther King", "Chestnut", "Willow", "Jackson", "Franklin", "Adams", "Mill", "Ridge", "Meadow", "Forest",
    ];

    /// <summary>Street type as a household writes it in full, and the abbreviation clerks use.</summary>
    public static readonly (string Full, string Short)[] StreetTypes =
    [
        ("Street", "St"), ("Avenue", "Ave"), ("Road", "Rd"), ("Drive", "Dr"), ("Boulevard", "Blvd"),
        ("Lane", "Ln"), ("Court", "Ct"), ("Place", "Pl"), ("Way", "Way"), ("Terrace", "Ter"),
    ];

    /// <summary>Cities of the synthetic county with their ZIP codes (fictional state "XS").</summary>
    public static readonly (string City, string[] Zips)[] Cities =
    [
        ("Riverton", ["59101", "59102", "59103", "59105", "59106"]),
        ("Fairview", ["59201", "59202"]),
        ("Millbrook", ["59301", "59302", "59303"]),
        ("Cedar Falls", ["59401"]),
        ("Oak Harbor", ["59501", "59502"]),
        ("Springdale", ["59601"]),
        ("Lakeside", ["59701"]),
    ];
}
